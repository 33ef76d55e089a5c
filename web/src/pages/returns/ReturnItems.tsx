// A return's items: what was asked for and why, and what came back in which condition.
import type { Return } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function ReturnItems({ ret }: { ret: Return }) {
  const received = ret.status === 'received' || ret.status === 'closed';
  return (
    <section className="card" aria-labelledby="items-title">
      <h2 className="card-title" id="items-title">Items</h2>
      <TableWrap label="Returned items">
        <thead>
          <tr>
            <th scope="col">SKU</th><th scope="col">Product</th><th scope="col">Reason</th><th scope="col" className="num">Asked</th>
            {received ? <><th scope="col" className="num">Received</th><th scope="col" className="num">Sellable</th><th scope="col" className="num">Damaged</th></> : null}
          </tr>
        </thead>
        <tbody>
          {ret.items.map((item) => (
            <tr key={item.line_id}>
              <td className="mono">{item.sku}</td>
              <td>{item.name}</td>
              <td>{humanize(item.reason)}</td>
              <td className="num">{item.quantity}</td>
              {received ? <><td className="num">{item.received_quantity}</td><td className="num">{item.sellable_quantity}</td><td className="num">{item.damaged_quantity}</td></> : null}
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </section>
  );
}
