// The package being packed: scan items in (Enter adds one), the box (the suggested one
// preselected), the weight (the computed weight until the scale's reading is typed) and
// "Create package".
import { forwardRef, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import type { Box, BoxSuggestion, Product } from '../../api/types.ts';
import { ScanField, type ScanFieldHandle } from '../../ui/ScanField.tsx';
import { computedWeight, lineForScan, type PackLine } from './packing.ts';
import { formatDimensions, formatWeight } from './format.ts';

export interface PackageDraft { box: string; weightG: number | undefined }

export interface PackageFormProps {
  lines: PackLine[];
  draft: Record<string, number>;
  products: ReadonlyMap<string, Product>;
  boxes: Box[];
  suggestion: BoxSuggestion | undefined;
  /** Why there is no suggestion (the server's refusal), if so. */
  suggestionError: ApiError | undefined;
  busy: boolean;
  onAdd(allocationId: string): void;
  onCreate(draft: PackageDraft): void;
}

export const PackageForm = forwardRef<ScanFieldHandle, PackageFormProps>(function PackageForm({ lines, draft, products, boxes, suggestion, suggestionError, busy, onAdd, onCreate }, scanRef) {
  const id = useId();
  const [boxChoice, setBoxChoice] = useState<string | null>(null);
  const [weightText, setWeightText] = useState<string | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);

  const box = boxChoice ?? suggestion?.box?.code ?? '';
  const chosenBox = boxes.find((b) => b.code === box);
  const computed = computedWeight(lines, draft, products, chosenBox);
  const units = Object.values(draft).reduce((n, q) => n + q, 0);
  const weightValue = weightText ?? (units > 0 && computed !== null ? String(computed) : '');

  const scan = async (code: string) => {
    const outcome = lineForScan(code, lines, draft, products);
    if (!outcome.ok) {
      setScanned(null);
      setScanError(outcome.message);
      return;
    }
    setScanError(null);
    setScanned(`${outcome.sku} added.`);
    onAdd(outcome.allocationId);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onCreate({ box, weightG: weightText !== null && weightText.trim() !== '' ? Number(weightText) : undefined });
    setWeightText(null);
    setScanned(null);
  };

  return (
    <section className="card scan-card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>Current package</h2>
      <ScanField ref={scanRef} id="pack-scan" label="Scan item into package" submitLabel="Add one" hint="Scan an item (or type its SKU and press Enter): one unit goes into this package." onScan={scan} />
      <div role="status" aria-live="polite">{scanned ? <p className="small text-success">{scanned} {units} unit(s) in this package.</p> : null}</div>
      {scanError ? <p className="inline-error" role="alert">{scanError}</p> : null}
      <form className="form-grid package-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-box`}>Box</label>
          <select id={`${id}-box`} value={box} onChange={(e) => setBoxChoice(e.target.value)} aria-describedby={`${id}-box-hint`}>
            <option value="">No box chosen</option>
            {boxes.map((b) => <option key={b.code} value={b.code}>{b.code} · {b.name} ({formatDimensions(b)})</option>)}
          </select>
          <p className="field-hint" id={`${id}-box-hint`}>
            {suggestion ? (suggestion.box ? <>Suggested: <strong>{suggestion.box.code}</strong>. {suggestion.reason}.</> : <>No suggestion: {suggestion.reason}.</>) : suggestionError ? `No suggestion: ${suggestionError.message}` : 'Loading the suggestion…'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-weight`}>Weight (g)</label>
          <input
            id={`${id}-weight`} type="number" min={1} step={1} inputMode="numeric" value={weightValue}
            onChange={(e) => setWeightText(e.target.value)} aria-describedby={`${id}-weight-hint`}
          />
          <p className="field-hint" id={`${id}-weight-hint`}>
            {weightText !== null ? 'Scale reading.' : computed !== null && units > 0 ? `Computed: ${formatWeight(computed)}. Type the scale's reading to replace it.` : units === 0 ? 'Computed from the catalog as items go in; or type the scale\u2019s reading.' : 'Some items have no catalog weight: type the scale\u2019s reading.'}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || units === 0}>{busy ? 'Packing…' : `Create package (${units} unit${units === 1 ? '' : 's'})`}</button>
        </div>
      </form>
    </section>
  );
});
