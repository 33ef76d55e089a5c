// What the last action achieved, or the server's refusal of it. A refusal takes the
// focus; render this after the action's dialog so its effect runs after the dialog closed.
import { useEffect } from 'react';
import type { Action } from './useAction.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

export function ActionFeedback({ action }: { action: Action }) {
  const { error, errorRef } = action;
  useEffect(() => {
    if (!error) return;
    const frame = requestAnimationFrame(() => errorRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [error, errorRef]);
  return (
    <>
      {action.notice ? <p className="notice notice-success" role="status">{action.notice}</p> : null}
      {error ? <ProblemMessage ref={errorRef} error={error} onDismiss={action.clear} /> : null}
    </>
  );
}
