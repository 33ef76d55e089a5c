// The return policy customers see on the returns page: the window, the reasons they may
// give, SKUs that cannot come back, the restocking fee and when shipping is refunded.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { ReturnPolicy } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime, humanize } from '../../format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';

type Policy = ReturnPolicy & { updated_at?: string | null };

const SHIPPING_REFUND = [
  { value: 'if_all_returned', label: 'When everything is returned' },
  { value: 'always', label: 'Always' },
  { value: 'never', label: 'Never' },
];

/** Basis points as the percent people type: 250 → "2.5". */
const percentOf = (bps: number) => String(bps / 100);

function readPercentAsBps(read: FormReader): number | null {
  const text = read.text('restocking_fee_percent').replace(',', '.');
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const bps = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
  if (!match || bps > 10_000) {
    read.errors.push({ path: 'restocking_fee_bps', message: 'must be a percent from 0 to 100, at most two decimals' });
    return null;
  }
  return bps;
}

function PolicyForm({ policy, canEdit, onSaved }: { policy: Policy; canEdit: boolean; onSaved(p: Policy): void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(async (data) => {
    setNotice(null);
    const read = new FormReader(data);
    const body = {
      window_days: read.integer('window_days', 'window_days', 0, 3650),
      reasons: read.list('reasons').map((r) => r.toLowerCase().replace(/\s+/g, '_')),
      non_returnable_skus: read.list('non_returnable_skus'),
      restocking_fee_bps: readPercentAsBps(read),
      shipping_refund: read.text('shipping_refund'),
    };
    if (body.reasons.length === 0) read.errors.push({ path: 'reasons', message: 'name at least one reason' });
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const saved = await api<Policy>('PUT', '/v1/settings/return-policy', body);
    onSaved(saved);
    setNotice('Return policy saved. It applies to return requests from now on.');
  });

  return (
    <FormCard title="Policy" form={form} submitLabel="Save policy" readOnly={!canEdit}
      result={notice ? <p className="notice notice-success" role="status">{notice}</p> : null}>
      <Field id="policy-window" label="Return window (days)" error={form.errorOf('window_days')} hint="Counted from delivery; the last day is included.">
        {(p) => <input {...p} name="window_days" type="number" inputMode="numeric" min={0} max={3650} required defaultValue={policy.window_days} />}
      </Field>
      <Field id="policy-fee" label="Restocking fee (%)" error={form.errorOf('restocking_fee_bps')} hint="Kept from the refund of returned items.">
        {(p) => <input {...p} name="restocking_fee_percent" inputMode="decimal" required defaultValue={percentOf(policy.restocking_fee_bps)} />}
      </Field>
      <Field id="policy-shipping" label="Refund shipping" error={form.errorOf('shipping_refund')}>
        {(p) => (
          <select {...p} name="shipping_refund" defaultValue={policy.shipping_refund}>
            {SHIPPING_REFUND.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <Field id="policy-reasons" label="Reasons customers may give" error={form.errorOf('reasons')} wide
        hint={`One per line or separated by commas; shown as “${humanize(policy.reasons[0] ?? 'damaged')}”.`}>
        {(p) => <textarea {...p} name="reasons" rows={4} defaultValue={policy.reasons.join('\n')} />}
      </Field>
      <Field id="policy-skus" label="SKUs that cannot be returned" error={form.errorOf('non_returnable_skus')} wide hint="One per line or separated by commas; leave empty to accept every product.">
        {(p) => <textarea {...p} name="non_returnable_skus" rows={3} defaultValue={policy.non_returnable_skus.join('\n')} />}
      </Field>
    </FormCard>
  );
}

export function ReturnPolicyPage() {
  const { can } = useSession();
  const loaded = useApi<Policy>('/v1/settings/return-policy');
  const [saved, setSaved] = useState<Policy | null>(null);
  const policy = saved ?? loaded.data;
  return (
    <>
      <PageHeader title="Return policy" subtitle="What customers may send back, and what they get for it." />
      {policy ? <p className="settings-note">{policy.updated_at ? `Last changed ${formatDateTime(policy.updated_at)}.` : 'These are the defaults; saving makes them yours.'}</p> : null}
      {loaded.loading ? <Loading label="Loading the return policy…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {policy ? <PolicyForm policy={policy} canEdit={can('settings:write')} onSaved={setSaved} /> : null}
    </>
  );
}
