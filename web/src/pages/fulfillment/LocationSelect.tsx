// A labelled select of locations; `anyLabel` adds an empty "all" choice.
import type { ChangeEvent } from 'react';
import type { Location } from '../../api/types.ts';

export interface LocationSelectProps {
  id: string; name?: string; label?: string; locations: Location[]; value?: string; defaultValue?: string;
  anyLabel?: string; required?: boolean; onChange?(event: ChangeEvent<HTMLSelectElement>): void;
}

export function LocationSelect({ id, name = 'location', label = 'Location', locations, value, defaultValue, anyLabel, required, onChange }: LocationSelectProps) {
  const current = value ?? defaultValue ?? '';
  const known = locations.some((l) => l.code === current);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} defaultValue={value === undefined ? defaultValue : undefined} required={required} onChange={onChange}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {locations.map((l) => <option key={l.code} value={l.code}>{l.code} · {l.name}</option>)}
        {current && !known ? <option value={current}>{current}</option> : null}
      </select>
    </div>
  );
}
