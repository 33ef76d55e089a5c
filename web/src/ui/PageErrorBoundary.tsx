// A page that fails to load (a new build replaced its script, the network dropped) or
// throws while rendering shows a message with a way out instead of a blank screen.
import { Component, type ReactNode } from 'react';

interface State { failed: boolean }

export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">This page could not be shown</p>
        <p>It may have been updated while it was open. Reloading usually fixes it.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>Reload</button>
      </div>
    );
  }
}
