// The fulfillment order's packages: box, measures, weight and contents; one that has not
// shipped can be unpacked (its units can be packed again).
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Package } from '../../api/types.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { FulfillmentBadge } from './FulfillmentBadge.tsx';
import { formatDimensions, formatWeight } from './format.ts';
import { useCommand } from './useCommand.ts';

export function PackagesList({ packages, canWrite, onChanged }: { packages: Package[]; canWrite: boolean; onChanged(message: string): void }) {
  const [target, setTarget] = useState<{ pkg: Package; index: number } | null>(null);
  const command = useCommand();

  const remove = async () => {
    if (!target) return;
    const { pkg, index } = target;
    const done = await command.run(() => api<void>('DELETE', `/v1/packages/${encodeURIComponent(pkg.id)}`).then(() => true));
    setTarget(null);
    onChanged(done ? `Package ${index + 1} removed; its items can be packed again.` : '');
  };

  return (
    <>
      <TableWrap label="Packages">
        <thead>
          <tr><th scope="col">#</th><th scope="col">Box</th><th scope="col">Measures</th><th scope="col" className="num">Weight</th><th scope="col">Contents</th><th scope="col">Shipment</th>{canWrite ? <th scope="col" className="sr-cell"><span className="sr-only">Actions</span></th> : null}</tr>
        </thead>
        <tbody>
          {packages.map((pkg, index) => (
            <tr key={pkg.id}>
              <td className="strong">{index + 1}</td>
              <td>{pkg.box ?? <span className="muted">Own box</span>}</td>
              <td className="nowrap">{formatDimensions(pkg.dimensions)}</td>
              <td className="num nowrap">{formatWeight(pkg.weight_g)} <span className="small muted">({pkg.weight_source === 'scale' ? 'scale' : 'computed'})</span></td>
              <td className="small">{pkg.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}</td>
              <td>{pkg.shipment_id ? <FulfillmentBadge status="shipped" /> : <span className="muted">Not shipped</span>}</td>
              {canWrite ? (
                <td className="actions-cell">
                  {pkg.shipment_id ? null : <button type="button" className="button button-small button-danger-outline" onClick={() => setTarget({ pkg, index })} aria-label={`Delete package ${index + 1}`}>Delete</button>}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </TableWrap>
      {command.error ? <ProblemMessage error={command.error} onDismiss={command.clear} /> : null}
      <ConfirmDialog open={target !== null} title={`Delete package ${target ? target.index + 1 : ''}?`} confirmLabel="Delete package" tone="danger" busy={command.busy} onConfirm={() => void remove()} onClose={() => setTarget(null)}>
        <p>Take its items out of the box: {target?.pkg.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ')}. They return to the list to pack again.</p>
      </ConfirmDialog>
    </>
  );
}
