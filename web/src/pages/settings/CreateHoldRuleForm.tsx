// A new hold rule: its kind decides which parameters the form asks for.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { HoldRule, HoldRuleKind } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';
import { HOLD_RULE_KINDS, HOLD_TYPES, readParams } from './holdRules.ts';

function ParamFields({ kind, errorOf }: { kind: HoldRuleKind; errorOf(path: string): string | undefined }) {
  if (kind === 'total_above') {
    return (
      <>
        <Field id="rule-amount" label="Amount" error={errorOf('params.amount')} hint="Orders above this total are held, e.g. 500.00.">
          {(p) => <input {...p} name="amount" inputMode="decimal" required autoComplete="off" />}
        </Field>
        <Field id="rule-currency" label="Currency" error={errorOf('params.currency')} hint="Orders in other currencies are not checked.">
          {(p) => <input {...p} name="currency" required maxLength={3} defaultValue="USD" autoCapitalize="characters" />}
        </Field>
      </>
    );
  }
  if (kind === 'country_not_in') {
    return (
      <Field id="rule-countries" label="Countries you ship to" error={errorOf('params.countries')} hint="Two-letter codes separated by commas, e.g. US, CA. Orders to anywhere else are held." wide>
        {(p) => <input {...p} name="countries" required autoCapitalize="characters" />}
      </Field>
    );
  }
  return (
    <>
      <Field id="rule-max-orders" label="Most orders per e-mail" error={errorOf('params.max_orders')}>
        {(p) => <input {...p} name="max_orders" type="number" inputMode="numeric" min={1} required defaultValue={3} />}
      </Field>
      <Field id="rule-window" label="Within minutes" error={errorOf('params.window_minutes')}>
        {(p) => <input {...p} name="window_minutes" type="number" inputMode="numeric" min={1} required defaultValue={60} />}
      </Field>
    </>
  );
}

export function CreateHoldRuleForm({ onCreated }: { onCreated(): void }) {
  const [kind, setKind] = useState<HoldRuleKind>('total_above');
  const [created, setCreated] = useState<HoldRule | null>(null);
  const form = useForm(async (data, element) => {
    setCreated(null);
    const read = new FormReader(data);
    const params = readParams(kind, read);
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const rule = await api<HoldRule>('POST', '/v1/settings/hold-rules', { name: read.text('name'), kind, params, hold_type: read.text('hold_type') });
    element.reset();
    setCreated(rule);
    onCreated();
  });

  return (
    <FormCard title="New hold rule" form={form} submitLabel="Add rule" busyLabel="Adding…" collapsed={false}
      result={created ? <p className="notice notice-success" role="status">Rule “{created.name}” is active: new orders that match it are held.</p> : null}>
      <Field id="rule-name" label="Name" error={form.errorOf('name')}>
        {(p) => <input {...p} name="name" required maxLength={200} placeholder="e.g. Big orders" />}
      </Field>
      <Field id="rule-kind" label="Hold when" error={form.errorOf('kind')}>
        {(p) => (
          <select {...p} name="kind" value={kind} onChange={(e) => { setKind(e.target.value as HoldRuleKind); form.clear(); }}>
            {HOLD_RULE_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
        )}
      </Field>
      <ParamFields kind={kind} errorOf={form.errorOf} />
      <Field id="rule-hold-type" label="Hold as" error={form.errorOf('hold_type')}>
        {(p) => (
          <select {...p} name="hold_type" defaultValue="fraud_review">
            {HOLD_TYPES.map((t) => <option key={t} value={t}>{humanize(t)}</option>)}
          </select>
        )}
      </Field>
    </FormCard>
  );
}
