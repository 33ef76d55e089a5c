// The ledger: every change of on hand or reserved, newest first.
import type { Movement } from '../../api/types.ts';
import { actorLabel, formatDateTime, humanize } from '../../format.ts';
import { useSession } from '../../auth/session.tsx';
import { Link } from '../../router/router.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

function signed(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? '0' : String(n);
}

export function MovementsTable({ movements }: { movements: Movement[] }) {
  const { me } = useSession();
  return (
    <TableWrap label="Stock movements">
      <thead>
        <tr>
          <th scope="col">When</th><th scope="col">SKU</th><th scope="col">Location</th>
          <th scope="col" className="num">On hand</th><th scope="col" className="num">Reserved</th>
          <th scope="col">Reason</th><th scope="col">Order</th><th scope="col">Note</th><th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {movements.map((m) => (
          <tr key={m.id}>
            <td className="nowrap">{formatDateTime(m.created_at)}</td>
            <td className="mono">{m.sku}</td>
            <td>{m.location}</td>
            <td className={`num ${m.delta_on_hand < 0 ? 'text-danger' : m.delta_on_hand > 0 ? 'text-success' : 'muted'}`}>{signed(m.delta_on_hand)}</td>
            <td className="num muted">{signed(m.delta_reserved)}</td>
            <td>{humanize(m.reason)}</td>
            <td>{m.order ? <Link to={`/orders/${m.order}`}>#{m.order}</Link> : <span className="muted">—</span>}</td>
            <td>{m.note ?? <span className="muted">—</span>}</td>
            <td className="small muted nowrap" title={m.actor}>{actorLabel(m.actor, me?.user?.id)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}
