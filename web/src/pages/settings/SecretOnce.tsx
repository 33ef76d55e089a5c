// A secret the server shows once (a webhook's signing secret): copy it now, then hide it.
import { useState } from 'react';

export function SecretOnce({ what, secret, onDone }: { what: string; secret: string; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const copy = () => navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false));
  return (
    <div className="secret" role="status">
      <p><strong>Copy the secret of {what} now.</strong> It is shown only this once.</p>
      <div className="secret-row">
        <code className="secret-value" aria-label={`Secret of ${what}`}>{secret}</code>
        <button type="button" className="button button-small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      <button type="button" className="button button-quiet button-small" onClick={onDone}>I have stored it</button>
    </div>
  );
}
