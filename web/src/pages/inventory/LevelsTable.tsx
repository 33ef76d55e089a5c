// Stock per SKU and location; "Adjust" fills the form above with that row.
import type { Level } from '../../api/types.ts';
import { formatCount } from '../../format.ts';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function LevelsTable({ levels, canAdjust, onAdjust }: { levels: Level[]; canAdjust: boolean; onAdjust(level: Level): void }) {
  return (
    <TableWrap label="Inventory levels">
      <thead>
        <tr>
          <th scope="col">SKU</th><th scope="col">Location</th>
          <th scope="col" className="num">On hand</th><th scope="col" className="num">Reserved</th><th scope="col" className="num">Available</th>
          {canAdjust ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {levels.map((level) => (
          <tr key={`${level.sku}@${level.location}`}>
            <td className="mono">{level.sku}</td>
            <td>{level.location}</td>
            <td className="num">{formatCount(level.on_hand)}</td>
            <td className="num">{formatCount(level.reserved)}</td>
            <td className={`num strong ${level.available <= 0 ? 'text-danger' : ''}`}>{formatCount(level.available)}</td>
            {canAdjust ? (
              <td className="actions-cell">
                <button type="button" className="button button-small" onClick={() => onAdjust(level)} aria-label={`Adjust ${level.sku} at ${level.location}`}>Adjust</button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}
