// A number field with − and + buttons, bounded to [0, max]. The field stays typeable; the
// buttons are conveniences for thumbs (44 px targets) and name the item they change.
import type { ChangeEvent } from 'react';

export function QuantityStepper({ id, itemName, value, max, onChange }: { id: string; itemName: string; value: number; max: number; onChange(value: number): void }) {
  const clamp = (n: number) => Math.min(max, Math.max(0, Number.isFinite(n) ? Math.trunc(n) : 0));
  const typed = (event: ChangeEvent<HTMLInputElement>) => onChange(clamp(event.target.valueAsNumber));
  return (
    <div className="stepper">
      <button type="button" className="button stepper-button" aria-label={`One fewer ${itemName}`} aria-controls={id} disabled={value <= 0} onClick={() => onChange(clamp(value - 1))}>−</button>
      <input id={id} type="number" inputMode="numeric" min={0} max={max} step={1} value={value} onChange={typed} />
      <button type="button" className="button stepper-button" aria-label={`One more ${itemName}`} aria-controls={id} disabled={value >= max} onClick={() => onChange(clamp(value + 1))}>+</button>
    </div>
  );
}
