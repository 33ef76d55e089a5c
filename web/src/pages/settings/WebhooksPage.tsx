// Webhooks: endpoints that receive Ordo's events (signed POSTs), their recent deliveries.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page, Webhook } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ListSection } from '../../ui/ListSection.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { useConfirmedAction } from '../../ui/useConfirmedAction.ts';
import { CreateWebhookForm } from './CreateWebhookForm.tsx';
import { WebhookDeliveries } from './WebhookDeliveries.tsx';

export function WebhooksPage() {
  const hooks = useApi<Page<Webhook>>('/v1/webhooks');
  const [shown, setShown] = useState<Webhook | null>(null);
  const remove = useConfirmedAction<Webhook>((hook) => api('DELETE', `/v1/webhooks/${encodeURIComponent(hook.id)}`), () => {
    setShown(null);
    hooks.reload();
  });

  return (
    <>
      <PageHeader title="Webhooks" subtitle="Send order, shipment and return events to your other systems as they happen." />
      <p className="settings-note">
        Each POST carries an <code>x-ordo-signature</code> header: the HMAC-SHA256 of the body with the endpoint&apos;s secret.
        Failed deliveries are retried with growing pauses.
      </p>
      <CreateWebhookForm onCreated={hooks.reload} />
      {remove.error ? <ProblemMessage error={remove.error} onDismiss={remove.dismissError} /> : null}
      <ListSection
        title="Endpoints" tableLabel="Webhooks" resource={hooks} loadingLabel="Loading webhooks…" emptyTitle="No webhooks yet."
        columns={<><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Since</th><th scope="col"><span className="sr-only">Actions</span></th></>}
        row={(h) => (
          <tr key={h.id}>
            <td className="mono small">{h.url}</td>
            <td><span className="topics">{h.topics.map((t) => <code key={t}>{t}</code>)}</span></td>
            <td className="nowrap">{formatDateTime(h.created_at)}</td>
            <td className="actions-cell">
              <div className="button-row">
                <button type="button" className="button button-small" aria-expanded={shown?.id === h.id} aria-controls="webhook-deliveries"
                  onClick={() => setShown(shown?.id === h.id ? null : h)} aria-label={`Deliveries to ${h.url}`}>Deliveries</button>
                <button type="button" className="button button-small button-danger-outline" onClick={() => remove.ask(h)} aria-label={`Delete webhook ${h.url}`}>Delete</button>
              </div>
            </td>
          </tr>
        )}
      />
      <section className="section" id="webhook-deliveries" aria-label="Deliveries" hidden={!shown}>
        {shown ? (
          <>
            <h2 className="section-title">Deliveries to <span className="mono">{shown.url}</span></h2>
            <WebhookDeliveries key={shown.id} webhookId={shown.id} url={shown.url} />
          </>
        ) : null}
      </section>
      <ConfirmDialog open={remove.target !== null} title="Delete this webhook?" confirmLabel="Delete webhook" tone="danger" busy={remove.busy} onClose={remove.cancel} onConfirm={() => void remove.confirm()}>
        <p>{remove.target?.url} receives nothing more; deliveries still waiting are dropped.</p>
      </ConfirmDialog>
    </>
  );
}
