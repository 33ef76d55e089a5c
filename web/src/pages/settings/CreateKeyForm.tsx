// Create an API key. The secret is shown once, here, and never again.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Channel, Page } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';

const KEY_ROLES = ['admin', 'operator', 'warehouse', 'analyst', 'channel'] as const;

interface CreatedKey { id: string; name: string; role: string; key: string }

export function CreateKeyForm({ onCreated }: { onCreated(): void }) {
  const [role, setRole] = useState<string>('channel');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const channels = useApi<Page<Channel>>('/v1/channels');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const key = await api<CreatedKey>('POST', '/v1/api-keys', {
        name: String(data.get('name')).trim(), role, ...(role === 'channel' ? { channel: String(data.get('channel')) } : {}),
      });
      setCreated(key);
      form.reset();
      onCreated();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught)));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created.key).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <section className="card" aria-labelledby="new-key-title">
      <h2 className="card-title" id="new-key-title">New API key</h2>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="key-name">Name</label>
          <input id="key-name" name="name" required maxLength={200} placeholder="e.g. Web shop integration" />
        </div>
        <div className="field">
          <label htmlFor="key-role">Role</label>
          <select id="key-role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {KEY_ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
          </select>
        </div>
        {role === 'channel' ? (
          <div className="field">
            <label htmlFor="key-channel">Channel</label>
            <select id="key-channel" name="channel" required>
              {(channels.data?.data ?? []).map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Creating…' : 'Create key'}</button>
        </div>
      </form>
      {error ? <ProblemMessage error={error} onDismiss={() => setError(null)} /> : null}
      {created ? (
        <div className="secret" role="status">
          <p><strong>Copy the key for “{created.name}” now.</strong> It is shown only once; Ordo keeps only a hash of it.</p>
          <div className="secret-row">
            <code className="secret-value" aria-label="Secret of the new key">{created.key}</code>
            <button type="button" className="button button-small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
          </div>
          <button type="button" className="button button-quiet button-small" onClick={() => setCreated(null)}>I have stored it</button>
        </div>
      ) : null}
    </section>
  );
}
