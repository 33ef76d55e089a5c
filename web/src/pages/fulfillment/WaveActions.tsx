// Complete or cancel an open wave, each behind a dialog that says what will happen.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { PickWave } from '../../api/types.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { useCommand } from './useCommand.ts';

type Action = 'complete' | 'cancel';

export function WaveActions({ wave, onChanged }: { wave: PickWave; onChanged(wave: PickWave, message: string): void }) {
  const [pending, setPending] = useState<Action | null>(null);
  const command = useCommand();
  const open = wave.lines.filter((l) => !l.confirmed).length;
  const confirmed = wave.lines.length - open;

  const run = async (action: Action) => {
    const next = await command.run(() => api<PickWave>('POST', `/v1/pick-waves/${encodeURIComponent(wave.id)}/${action}`));
    setPending(null);
    if (next) onChanged(next, action === 'complete' ? `Wave ${next.number} is completed.` : `Wave ${next.number} is canceled; its orders are back in the queue.`);
  };

  return (
    <>
      <div className="button-row">
        <button type="button" className={`button ${open === 0 ? 'button-primary' : ''}`} onClick={() => setPending('complete')}>Complete wave</button>
        <button type="button" className="button button-danger-outline" onClick={() => setPending('cancel')}>Cancel wave</button>
      </div>
      {command.error ? <ProblemMessage error={command.error} onDismiss={command.clear} /> : null}
      <ConfirmDialog
        open={pending === 'complete'} title={`Complete wave ${wave.number}?`} confirmLabel="Complete wave" busy={command.busy}
        onClose={() => setPending(null)} onConfirm={() => void run('complete')}
      >
        {open === 0
          ? <p>Every line is confirmed. The orders whose units are all picked move on to packing.</p>
          : <p>{open} line(s) are not confirmed yet; the server will refuse until every line is confirmed or short-picked.</p>}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === 'cancel'} title={`Cancel wave ${wave.number}?`} confirmLabel="Cancel wave" tone="danger" busy={command.busy}
        onClose={() => setPending(null)} onConfirm={() => void run('cancel')}
      >
        <p>Its {wave.fulfillment_orders.length} order(s) go back to the open queue and scanned counts are reset: put scanned items back on their shelves.</p>
        {confirmed > 0 ? <p>{confirmed} line(s) are already confirmed, so the server will refuse: complete the wave instead.</p> : null}
      </ConfirmDialog>
    </>
  );
}
