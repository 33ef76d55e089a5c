// The fulfillment order's lines at the pack station: ordered, ready, already packed, left,
// and how many go into the package being packed (a scan adds one; the field can be typed).
import { TableWrap } from '../../ui/TableWrap.tsx';
import type { PackLine } from './packing.ts';

export interface PackItemsTableProps {
  lines: PackLine[];
  draft: Record<string, number>;
  activeLine: string | null;
  /** False once nothing can be packed (or the user may not): no "in this package" column. */
  editable: boolean;
  onChange(allocationId: string, quantity: number): void;
}

export function PackItemsTable({ lines, draft, activeLine, editable, onChange }: PackItemsTableProps) {
  return (
    <TableWrap label="Items to pack">
      <thead>
        <tr>
          <th scope="col">SKU</th><th scope="col">Product</th><th scope="col" className="num">Ordered</th>
          <th scope="col" className="num">Ready</th><th scope="col" className="num">Packed</th><th scope="col" className="num">Left</th>
          {editable ? <th scope="col">In package</th> : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const inPackage = draft[line.allocation_id] ?? 0;
          const id = `in-package-${line.allocation_id}`;
          return (
            <tr key={line.allocation_id} className={line.allocation_id === activeLine ? 'row-active' : line.left === 0 ? 'row-done' : undefined}>
              <td className="mono">{line.sku}</td>
              <td>{line.name}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{line.ready}</td>
              <td className="num">{line.packed}</td>
              <td className={`num strong ${line.left - inPackage === 0 ? 'text-success' : ''}`}>{line.left - inPackage}</td>
              {editable ? <td className="sr-cell">
                <label htmlFor={id} className="sr-only">Units of {line.sku} in this package</label>
                <input
                  id={id} type="number" className="count-input" min={0} max={line.left} step={1} inputMode="numeric" value={inPackage}
                  disabled={line.left === 0}
                  onChange={(e) => onChange(line.allocation_id, Math.max(0, Math.min(line.left, Math.floor(Number(e.target.value) || 0))))}
                />
              </td> : null}
            </tr>
          );
        })}
      </tbody>
    </TableWrap>
  );
}
