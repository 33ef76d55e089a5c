// Confirming fewer units than a line asks for has consequences; this dialog spells them
// out before the short pick is sent.
import type { PickLine } from '../../api/types.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

export interface ShortPick { line: PickLine; picked: number }

export function ShortPickDialog({ short, location, busy, onConfirm, onClose }: { short: ShortPick | null; location: string; busy: boolean; onConfirm(): void; onClose(): void }) {
  const line = short?.line;
  const missing = short ? short.line.quantity - short.picked : 0;
  const orders = line ? [...line.orders].reverse().map((o) => `#${o.order_number}`).join(', ') : '';
  return (
    <ConfirmDialog open={short !== null} title="Confirm a short pick?" confirmLabel={`Confirm ${short?.picked ?? 0} of ${line?.quantity ?? 0}`} tone="danger" busy={busy} onConfirm={onConfirm} onClose={onClose}>
      {line ? (
        <>
          <p>You found <strong>{short?.picked}</strong> of <strong>{line.quantity}</strong> × <span className="mono">{line.sku}</span> at bin <span className="mono">{line.bin ?? 'none'}</span>. For the {missing} missing unit(s):</p>
          <ul className="dialog-list">
            <li>they leave the stock of {location} (one "short pick" entry in the stock ledger);</li>
            <li>they are taken from the newest orders on this line first ({orders}); older orders keep what was found;</li>
            <li>those orders get them reserved at another location that has them, or backordered.</li>
          </ul>
          <p>This cannot be undone.</p>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
