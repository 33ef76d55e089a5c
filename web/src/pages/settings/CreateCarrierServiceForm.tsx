// A new carrier service: a manual one (you book the parcel; a flat price) or your own rate
// table (zones and weight bands, typed as JSON as docs/fulfillment.md shows).
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { CarrierService } from '../../api/types.ts';
import { Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';
import { SecretOnce } from './SecretOnce.tsx';

const RATE_TABLE_EXAMPLE = '{ "zones": [{ "code": "DOMESTIC", "countries": ["US"] }],\n  "bands": [{ "max_weight_g": 5000, "rates": { "DOMESTIC": 900 } }] }';

function readConfig(read: FormReader, carrier: string, currency: string): Record<string, unknown> | undefined {
  if (carrier === 'manual') {
    if (!read.text('flat_rate')) return undefined;
    return { flat_rate: read.money('flat_rate', 'config.flat_rate', currency) };
  }
  try {
    const parsed: unknown = JSON.parse(read.text('config'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch { /* reported below */ }
  read.errors.push({ path: 'config', message: 'must be a JSON object with zones and bands' });
  return undefined;
}

export function CreateCarrierServiceForm({ onCreated }: { onCreated(): void }) {
  const [carrier, setCarrier] = useState<'manual' | 'rate_table'>('rate_table');
  const [created, setCreated] = useState<CarrierService | null>(null);
  const form = useForm(async (data, element) => {
    setCreated(null);
    const read = new FormReader(data);
    const currency = read.text('currency').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) read.errors.push({ path: 'currency', message: 'must be a 3-letter currency code, like USD' });
    const config = readConfig(read, carrier, /^[A-Z]{3}$/.test(currency) ? currency : 'USD');
    const transit = read.integer('transit_days', 'transit_days', 0, 365, true);
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const service = await api<CarrierService>('POST', '/v1/carrier-services', {
      code: read.text('code'), name: read.text('name'), carrier, methods: read.list('methods'), currency,
      ...(transit !== null ? { transit_days: transit } : {}), ...(config ? { config } : {}),
    });
    element.reset();
    setCreated(service);
    onCreated();
  });
  return (
    <FormCard title="New carrier service" form={form} submitLabel="Add service" busyLabel="Adding…" collapsed
      result={created?.webhook_secret ? <SecretOnce what={`${created.name} (tracking webhook ${created.webhook_path})`} secret={created.webhook_secret} onDone={() => setCreated(null)} /> : null}>
      <Field id="service-code" label="Code" error={form.errorOf('code')}>
        {(p) => <input {...p} name="code" required maxLength={64} autoCapitalize="characters" autoComplete="off" />}
      </Field>
      <Field id="service-name" label="Name" error={form.errorOf('name')}>
        {(p) => <input {...p} name="name" required maxLength={200} />}
      </Field>
      <Field id="service-carrier" label="Kind" error={form.errorOf('carrier')}>
        {(p) => (
          <select {...p} name="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value as 'manual' | 'rate_table')}>
            <option value="rate_table">Own rate table (labels printed)</option>
            <option value="manual">Manual (you book it, type the tracking number)</option>
          </select>
        )}
      </Field>
      <Field id="service-methods" label="Shipping methods" error={form.errorOf('methods')} hint="The order methods it serves, e.g. standard, express.">
        {(p) => <input {...p} name="methods" defaultValue="standard" />}
      </Field>
      <Field id="service-transit" label="Transit days" error={form.errorOf('transit_days')}>
        {(p) => <input {...p} name="transit_days" type="number" inputMode="numeric" min={0} />}
      </Field>
      <Field id="service-currency" label="Currency" error={form.errorOf('currency')}>
        {(p) => <input {...p} name="currency" required maxLength={3} defaultValue="USD" autoCapitalize="characters" />}
      </Field>
      {carrier === 'manual' ? (
        <Field id="service-flat-rate" label="Flat price" error={form.errorOf('config')} hint="What each parcel costs; empty means 0.">
          {(p) => <input {...p} name="flat_rate" inputMode="decimal" />}
        </Field>
      ) : (
        <Field id="service-config" label="Zones and weight bands (JSON)" error={form.errorOf('config')} wide hint="Rates in minor units per zone; bands by rising max_weight_g.">
          {(p) => <textarea {...p} name="config" rows={5} className="mono" defaultValue={RATE_TABLE_EXAMPLE} spellCheck={false} />}
        </Field>
      )}
    </FormCard>
  );
}
