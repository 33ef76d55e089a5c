// Create an API key. The secret is shown once, here, and never again.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Channel, Page } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { CreateFormCard } from '../../ui/CreateFormCard.tsx';

const KEY_ROLES = ['admin', 'operator', 'warehouse', 'analyst', 'channel'] as const;

interface CreatedKey { id: string; name: string; role: string; key: string }

export function CreateKeyForm({ onCreated }: { onCreated(): void }) {
  const [role, setRole] = useState<string>('channel');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);
  const channels = useApi<Page<Channel>>('/v1/channels');

  const create = async (data: FormData) => {
    const key = await api<CreatedKey>('POST', '/v1/api-keys', {
      name: String(data.get('name')).trim(), role, ...(role === 'channel' ? { channel: String(data.get('channel')) } : {}),
    });
    setCreated(key);
    onCreated();
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created.key).then(() => setCopied(true), () => setCopied(false));
  };

  const secret = created ? (
    <div className="secret" role="status">
      <p><strong>Copy the key for “{created.name}” now.</strong> It is shown only once; Ordo keeps only a hash of it.</p>
      <div className="secret-row">
        <code className="secret-value" aria-label="Secret of the new key">{created.key}</code>
        <button type="button" className="button button-small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      <button type="button" className="button button-quiet button-small" onClick={() => setCreated(null)}>I have stored it</button>
    </div>
  ) : null;

  return (
    <CreateFormCard title="New API key" submitLabel="Create key" onSubmit={create} onStart={() => setCopied(false)} result={secret}>
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
    </CreateFormCard>
  );
}
