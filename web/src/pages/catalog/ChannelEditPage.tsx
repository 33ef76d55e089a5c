// Edit one channel (/channels/:code/edit).
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import type { Channel } from '../../api/types.ts';
import { Link } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { ChannelForm } from './ChannelForm.tsx';

export function ChannelEditPage({ params }: { params: Record<string, string> }) {
  const code = params.code ?? '';
  const channel = useApi<Channel>(`/v1/channels/${encodeURIComponent(code)}`);
  const [saved, setSaved] = useState<Channel | null>(null);
  return (
    <>
      <p className="breadcrumb"><Link to="/channels">Channels</Link></p>
      <PageHeader title={`Edit channel ${code}`} subtitle={channel.data?.name} />
      {channel.loading ? <Loading label="Loading the channel…" /> : null}
      {channel.error ? <ErrorState error={channel.error} onRetry={channel.reload} /> : null}
      {channel.data ? <ChannelForm channel={channel.data} onSaved={setSaved} /> : null}
      <div aria-live="polite">{saved ? <p className="notice notice-success" role="status">Saved {saved.name}.</p> : null}</div>
    </>
  );
}
