// A status as a labelled badge: the colour helps, the words carry the meaning.
import { humanize } from '../format.ts';

const TONES: Record<string, string> = {
  open: 'info', on_hold: 'warning', canceled: 'muted', completed: 'success',
  pending: 'muted', authorized: 'info', paid: 'success', partially_paid: 'warning', refunded: 'muted', voided: 'muted',
  unfulfilled: 'muted', partially_fulfilled: 'warning', fulfilled: 'success', delivered: 'success',
  reserved: 'info', released: 'muted', active: 'success', disabled: 'muted', revoked: 'muted',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{label ?? humanize(status)}</span>;
}
