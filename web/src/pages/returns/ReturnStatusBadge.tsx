// A return's status as a badge: what needs someone's attention stands out.
import type { ReturnStatus } from '../../api/types.ts';
import { humanize } from '../../format.ts';

const TONES: Record<ReturnStatus, string> = { requested: 'warning', approved: 'info', received: 'info', closed: 'success', rejected: 'muted' };

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  return <span className={`badge badge-${TONES[status] ?? 'muted'}`}>{humanize(status)}</span>;
}
