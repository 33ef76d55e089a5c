// The scanner of an open wave: each SKU or barcode read (+ Enter) is posted to /scan and
// its outcome shown right under the field: the line's progress, or the server's refusal
// (not on this wave, more than the line needs).
import { forwardRef, useState } from 'react';
import { api, asApiError, type ApiError } from '../../api/client.ts';
import type { PickWave, ScanResult } from '../../api/types.ts';
import { ProblemMessage } from '../../ui/ProblemMessage.tsx';
import { ScanField, type ScanFieldHandle } from '../../ui/ScanField.tsx';

export interface WaveScannerProps { wave: PickWave; onScanned(result: ScanResult): void }

export const WaveScanner = forwardRef<ScanFieldHandle, WaveScannerProps>(function WaveScanner({ wave, onScanned }, ref) {
  const [last, setLast] = useState<{ code: string; result: ScanResult } | null>(null);
  const [error, setError] = useState<{ code: string; error: ApiError } | null>(null);

  const scan = async (code: string) => {
    try {
      const result = await api<ScanResult>('POST', `/v1/pick-waves/${encodeURIComponent(wave.id)}/scan`, { code });
      setError(null);
      setLast({ code, result });
      onScanned(result);
    } catch (caught) {
      setLast(null);
      setError({ code, error: asApiError(caught) });
    }
  };

  const line = last?.result.line;
  return (
    <section className="card scan-card" aria-labelledby="scanner-title">
      <h2 className="card-title" id="scanner-title">Scan</h2>
      <ScanField
        ref={ref} id="wave-scan" label="SKU or barcode" submitLabel="Pick one"
        hint="Scan an item (or type its SKU and press Enter): one unit is added to its line."
        onScan={scan}
      />
      <div className="scan-outcome" role="status" aria-live="polite">
        {line ? (
          <p className={`notice ${last.result.line_confirmed ? 'notice-success' : ''}`}>
            <strong className="mono">{line.sku}</strong> at bin <strong className="mono">{line.bin ?? 'none'}</strong>: {line.picked} of {line.quantity} picked.
            {last.result.line_confirmed ? ' Line complete.' : ''} {last.result.lines_open === 0 ? 'Every line is confirmed: complete the wave.' : `${last.result.lines_open} line(s) still open.`}
          </p>
        ) : null}
      </div>
      {error ? <ProblemMessage error={error.error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
});
