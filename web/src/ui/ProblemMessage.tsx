// The server's refusal, shown as it said it: detail, field errors and the stable code.
import { forwardRef } from 'react';
import type { ApiError } from '../api/client.ts';

export const ProblemMessage = forwardRef<HTMLDivElement, { error: ApiError; onDismiss?: () => void }>(function ProblemMessage({ error, onDismiss }, ref) {
  return (
    <div className="problem" role="alert" ref={ref} tabIndex={-1}>
      <div>
        <p className="problem-title">{error.title}</p>
        <p className="problem-detail">{error.message}</p>
        {error.errors.length > 0 ? (
          <ul className="problem-fields">
            {error.errors.map((e) => <li key={`${e.path}:${e.message}`}><code>{e.path}</code> {e.message}</li>)}
          </ul>
        ) : null}
        <p className="problem-code">Code: <code>{error.code}</code></p>
      </div>
      {onDismiss ? <button type="button" className="button button-quiet" onClick={onDismiss}>Dismiss</button> : null}
    </div>
  );
});
