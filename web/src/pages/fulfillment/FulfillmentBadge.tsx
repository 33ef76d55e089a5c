// Statuses of waves, fulfillment orders and shipments as badges: the colour helps, the
// words carry the meaning.
import { humanize } from '../../format.ts';

const TONES: Record<string, string> = {
  open: 'info', picking: 'warning', picked: 'info', packed: 'info', shipped: 'success', ready_for_pickup: 'warning',
  picked_up: 'success', canceled: 'muted', completed: 'success',
  in_transit: 'info', out_for_delivery: 'info', delivered: 'success', exception: 'danger',
};

export function FulfillmentBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{label ?? humanize(status)}</span>;
}
