// A new webhook endpoint: where to POST and which events. The signing secret is shown once.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Webhook } from '../../api/types.ts';
import { Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';
import { SecretOnce } from './SecretOnce.tsx';

export function CreateWebhookForm({ onCreated }: { onCreated(): void }) {
  const [created, setCreated] = useState<Webhook | null>(null);
  const form = useForm(async (data, element) => {
    setCreated(null);
    const read = new FormReader(data);
    const url = read.text('url');
    const topics = [...new Set(read.list('topics'))];
    if (!url) read.errors.push({ path: 'url', message: 'is required' });
    if (topics.length === 0) read.errors.push({ path: 'topics', message: "name at least one topic, or '*' for all" });
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const hook = await api<Webhook>('POST', '/v1/webhooks', { url, topics });
    element.reset();
    setCreated(hook);
    onCreated();
  });
  return (
    <FormCard title="New webhook" form={form} submitLabel="Add webhook" busyLabel="Adding…" collapsed={false}
      result={created?.secret ? <SecretOnce what={created.url} secret={created.secret} onDone={() => setCreated(null)} /> : null}>
      <Field id="webhook-url" label="URL" error={form.errorOf('url')} wide hint="Ordo POSTs each event here, signed with the secret.">
        {(p) => <input {...p} name="url" type="url" required maxLength={2000} placeholder="https://example.com/ordo-events" autoComplete="off" />}
      </Field>
      <Field id="webhook-topics" label="Events" error={form.errorOf('topics')} wide
        hint="Separated by commas: a topic (order.created), a prefix (order.*) or * for everything.">
        {(p) => <input {...p} name="topics" required defaultValue="order.*" autoComplete="off" />}
      </Field>
    </FormCard>
  );
}
