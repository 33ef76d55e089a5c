// A sales channel, new or edited: its name and when its card payments are captured.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Channel } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { Field } from '../settings/form/Field.tsx';
import { FormCard } from '../settings/form/FormCard.tsx';
import { useForm } from '../settings/form/useForm.ts';
import { FormReader } from '../settings/form/values.ts';

const CHANNEL_KINDS = ['web', 'pos', 'call_center', 'mobile', 'kiosk', 'marketplace'] as const;
const CAPTURE = [{ value: 'on_shipment', label: 'As each shipment leaves' }, { value: 'immediate', label: 'At once, after authorization' }];

export function ChannelForm({ channel, onSaved, collapsed }: { channel?: Channel; onSaved(c: Channel): void; collapsed?: boolean }) {
  const [created, setCreated] = useState<Channel | null>(null);
  const form = useForm(async (data, element) => {
    setCreated(null);
    const read = new FormReader(data);
    const common = { name: read.text('name'), capture_mode: read.text('capture_mode') };
    if (channel) {
      onSaved(await api<Channel>('PATCH', `/v1/channels/${encodeURIComponent(channel.code)}`, common));
      return;
    }
    const saved = await api<Channel>('POST', '/v1/channels', { code: read.text('code'), kind: read.text('kind'), ...common });
    element.reset();
    setCreated(saved);
    onSaved(saved);
  });
  return (
    <FormCard title={channel ? 'Details' : 'New channel'} form={form} submitLabel={channel ? 'Save channel' : 'Add channel'} collapsed={collapsed}
      result={created ? <p className="notice notice-success" role="status">{created.name} can take orders now; give it an API key.</p> : null}>
      {channel ? null : (
        <>
          <Field id="channel-code" label="Code" error={form.errorOf('code')} hint="What orders name; cannot change later.">
            {(c) => <input {...c} name="code" required maxLength={64} autoComplete="off" />}
          </Field>
          <Field id="channel-kind" label="Kind" error={form.errorOf('kind')}>
            {(c) => <select {...c} name="kind" defaultValue="web">{CHANNEL_KINDS.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}</select>}
          </Field>
        </>
      )}
      <Field id="channel-name" label="Name" error={form.errorOf('name')}>
        {(c) => <input {...c} name="name" required maxLength={200} defaultValue={channel?.name} />}
      </Field>
      <Field id="channel-capture" label="Capture card payments" error={form.errorOf('capture_mode')}>
        {(c) => <select {...c} name="capture_mode" defaultValue={channel?.capture_mode ?? 'on_shipment'}>{CAPTURE.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>}
      </Field>
    </FormCard>
  );
}
