// How long an order whose payment was declined stays on hold before it is canceled.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { PaymentSettings } from '../../api/types.ts';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';

const MINUTES_MAX = 525_600;

export function PaymentSettingsForm({ canEdit }: { canEdit: boolean }) {
  const settings = useApi<PaymentSettings>('/v1/settings/payments');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(async (data) => {
    setNotice(null);
    const read = new FormReader(data);
    const hours = read.integer('declined_hold_hours', 'declined_hold_minutes', 1, Math.floor(MINUTES_MAX / 60));
    if (read.errors.length > 0 || hours === null) throw invalidForm(read.errors);
    const saved = await api<PaymentSettings>('PUT', '/v1/settings/payments', { declined_hold_minutes: hours * 60 });
    setNotice(`Saved: declined payments hold an order for ${saved.declined_hold_minutes / 60} hours.`);
  });
  if (settings.loading) return <Loading label="Loading payment settings…" />;
  if (settings.error) return <ErrorState error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return null;
  return (
    <FormCard title="Declined payments" form={form} submitLabel="Save" readOnly={!canEdit}
      result={notice ? <p className="notice notice-success" role="status">{notice}</p> : null}>
      <Field id="payments-hold-hours" label="Hold for (hours)" error={form.errorOf('declined_hold_minutes')}
        hint="An order whose card is declined waits this long for a new payment, then it is canceled.">
        {(p) => <input {...p} name="declined_hold_hours" type="number" inputMode="numeric" min={1} required defaultValue={Math.max(1, Math.round(settings.data!.declined_hold_minutes / 60))} />}
      </Field>
    </FormCard>
  );
}
