// Stocked SKUs running low, with a link to adjust each one.
import type { Summary } from '../../api/types.ts';
import { formatCount } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function LowStockCard({ lowStock }: { lowStock: Summary['low_stock'] }) {
  return (
    <section className="card card-wide" aria-labelledby="low-stock">
      <h2 className="card-title" id="low-stock" tabIndex={-1}>Low stock</h2>
      {lowStock.items.length === 0 ? (
        <p className="muted">Nothing is at or below {lowStock.threshold} available units. </p>
      ) : (
        <>
          <TableWrap label="SKUs running low">
            <thead>
              <tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col">Location</th><th scope="col" className="num">On hand</th><th scope="col" className="num">Reserved</th><th scope="col" className="num">Available</th></tr>
            </thead>
            <tbody>
              {lowStock.items.map((item) => (
                <tr key={`${item.sku}@${item.location}`}>
                  <td><Link to={`/inventory?sku=${encodeURIComponent(item.sku)}&location=${encodeURIComponent(item.location)}`}>{item.sku}</Link></td>
                  <td>{item.name}</td>
                  <td>{item.location}</td>
                  <td className="num">{formatCount(item.on_hand)}</td>
                  <td className="num">{formatCount(item.reserved)}</td>
                  <td className={`num ${item.available <= 0 ? 'text-danger' : ''}`}>{formatCount(item.available)}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
          {lowStock.total > lowStock.items.length ? <p className="muted">{formatCount(lowStock.total - lowStock.items.length)} more at or below {lowStock.threshold}. <Link to="/inventory">Open inventory</Link></p> : null}
        </>
      )}
    </section>
  );
}
