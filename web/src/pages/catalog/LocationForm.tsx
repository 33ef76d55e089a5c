// A location, new or edited: what it is, where it is (address; coordinates let routing
// measure distance), what it does (ship, pickup), its priority for ties, and whether it is in use.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Location } from '../../api/types.ts';
import { CheckField, Field } from '../settings/form/Field.tsx';
import { FormCard } from '../settings/form/FormCard.tsx';
import { invalidForm, useForm } from '../settings/form/useForm.ts';
import { FormReader } from '../settings/form/values.ts';

function readCoordinate(read: FormReader, name: 'latitude' | 'longitude', limit: number): number | null {
  const text = read.text(name);
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    read.errors.push({ path: name, message: `must be a number from -${limit} to ${limit}` });
    return null;
  }
  return value;
}

function readLocation(read: FormReader) {
  const address = {
    line1: read.text('line1'), city: read.text('city'), postal_code: read.text('postal_code'), country: read.text('country').toUpperCase(),
    ...(read.optionalText('line2') ? { line2: read.text('line2') } : {}), ...(read.optionalText('region') ? { region: read.text('region') } : {}),
  };
  const latitude = readCoordinate(read, 'latitude', 90);
  const longitude = readCoordinate(read, 'longitude', 180);
  if ((latitude === null) !== (longitude === null) && read.errors.length === 0) {
    read.errors.push({ path: latitude === null ? 'latitude' : 'longitude', message: 'is required when the other coordinate is given' });
  }
  return {
    name: read.text('name'), kind: read.text('kind'), address, latitude, longitude,
    ships: read.checked('ships'), pickup: read.checked('pickup'),
    priority: read.integer('priority', 'priority', 0, 10_000),
  };
}

export function LocationForm({ location, onSaved, collapsed }: { location?: Location; onSaved(l: Location): void; collapsed?: boolean }) {
  const [created, setCreated] = useState<Location | null>(null);
  const form = useForm(async (data, element) => {
    setCreated(null);
    const read = new FormReader(data);
    const fields = readLocation(read);
    if (read.errors.length > 0) throw invalidForm(read.errors);
    let saved: Location;
    if (location) {
      saved = await api<Location>('PATCH', `/v1/locations/${encodeURIComponent(location.code)}`, { ...fields, active: read.checked('active') });
    } else {
      const { latitude, longitude, ...rest } = fields;
      saved = await api<Location>('POST', '/v1/locations', { code: read.text('code'), ...rest, ...(latitude !== null ? { latitude, longitude } : {}) });
      element.reset();
      setCreated(saved);
    }
    onSaved(saved);
  });
  const l = location;
  const a = l?.address;
  return (
    <FormCard title={l ? 'Details' : 'New location'} form={form} submitLabel={l ? 'Save location' : 'Add location'} collapsed={collapsed}
      result={created ? <p className="notice notice-success" role="status">{created.code} added; routing can use it now.</p> : null}>
      {l ? null : (
        <Field id="location-code" label="Code" error={form.errorOf('code')} hint="Cannot change later.">
          {(c) => <input {...c} name="code" required maxLength={64} autoCapitalize="characters" autoComplete="off" />}
        </Field>
      )}
      <Field id="location-name" label="Name" error={form.errorOf('name')}>
        {(c) => <input {...c} name="name" required maxLength={200} defaultValue={l?.name} />}
      </Field>
      <Field id="location-kind" label="Kind" error={form.errorOf('kind')}>
        {(c) => (
          <select {...c} name="kind" defaultValue={l?.kind ?? 'warehouse'}>
            <option value="warehouse">Warehouse</option>
            <option value="store">Store</option>
          </select>
        )}
      </Field>
      <Field id="location-priority" label="Priority" error={form.errorOf('priority')} hint="Lower wins when routing ties.">
        {(c) => <input {...c} name="priority" type="number" inputMode="numeric" min={0} max={10000} required defaultValue={l?.priority ?? 100} />}
      </Field>
      <Field id="location-line1" label="Street" error={form.errorOf('address.line1')} wide>
        {(c) => <input {...c} name="line1" required maxLength={200} autoComplete="off" defaultValue={a?.line1} />}
      </Field>
      <Field id="location-line2" label="Street, line 2 (optional)" error={form.errorOf('address.line2')}>
        {(c) => <input {...c} name="line2" maxLength={200} autoComplete="off" defaultValue={a?.line2} />}
      </Field>
      <Field id="location-city" label="City" error={form.errorOf('address.city')}>
        {(c) => <input {...c} name="city" required maxLength={100} autoComplete="off" defaultValue={a?.city} />}
      </Field>
      <Field id="location-region" label="Region (optional)" error={form.errorOf('address.region')}>
        {(c) => <input {...c} name="region" maxLength={100} autoComplete="off" defaultValue={a?.region} />}
      </Field>
      <Field id="location-postal" label="Postal code" error={form.errorOf('address.postal_code')}>
        {(c) => <input {...c} name="postal_code" required maxLength={20} autoComplete="off" defaultValue={a?.postal_code} />}
      </Field>
      <Field id="location-country" label="Country" error={form.errorOf('address.country')} hint="Two letters, e.g. US.">
        {(c) => <input {...c} name="country" required maxLength={2} autoCapitalize="characters" autoComplete="off" defaultValue={a?.country} />}
      </Field>
      <Field id="location-latitude" label="Latitude (optional)" error={form.errorOf('latitude')}>
        {(c) => <input {...c} name="latitude" inputMode="decimal" defaultValue={l?.latitude ?? ''} />}
      </Field>
      <Field id="location-longitude" label="Longitude (optional)" error={form.errorOf('longitude')}>
        {(c) => <input {...c} name="longitude" inputMode="decimal" defaultValue={l?.longitude ?? ''} />}
      </Field>
      <CheckField id="location-ships" name="ships" label="Ships orders" defaultChecked={l?.ships ?? true} />
      <CheckField id="location-pickup" name="pickup" label="Customers pick up here" defaultChecked={l?.pickup ?? false} />
      {l ? <CheckField id="location-active" name="active" label="Active" hint="Inactive locations get no new orders; reservations there stay." defaultChecked={l.active} /> : null}
    </FormCard>
  );
}
