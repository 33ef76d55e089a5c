// Routing rules: whether distance counts, how many locations one order may be split over,
// and the smallest order worth splitting. Everyone who reads settings sees them; routing
// managers change them.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { RoutingSettings } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatDateTime } from '../../format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { CheckField, Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';

const MAX_SPLITS_LIMIT = 20;

function RoutingForm({ settings, canEdit, onSaved }: { settings: RoutingSettings; canEdit: boolean; onSaved(s: RoutingSettings): void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm(async (data) => {
    setNotice(null);
    const read = new FormReader(data);
    const body = {
      use_distance: read.checked('use_distance'),
      max_splits: read.integer('max_splits', 'max_splits', 1, MAX_SPLITS_LIMIT),
      min_split_order_value: read.integer('min_split_order_value', 'min_split_order_value', 0, Number.MAX_SAFE_INTEGER),
    };
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const saved = await api<RoutingSettings>('PUT', '/v1/settings/routing', body);
    onSaved(saved);
    setNotice('Routing rules saved. New orders are routed by them.');
  });

  return (
    <FormCard title="Rules" form={form} submitLabel="Save rules" readOnly={!canEdit}
      result={notice ? <p className="notice notice-success" role="status">{notice}</p> : null}>
        <CheckField id="routing-distance" name="use_distance" label="Prefer the nearest location" defaultChecked={settings.use_distance}
          hint="Among locations that can fill the order, the one closest to the shipping address wins." />
        <Field id="routing-splits" label="Most locations per order" error={form.errorOf('max_splits')} hint={`1 never splits an order; at most ${MAX_SPLITS_LIMIT}.`}>
          {(p) => <input {...p} name="max_splits" type="number" inputMode="numeric" min={1} max={MAX_SPLITS_LIMIT} required defaultValue={settings.max_splits} />}
        </Field>
        <Field id="routing-min-split" label="Smallest order to split (minor units)" error={form.errorOf('min_split_order_value')}
          hint="Orders below this total (in cents or the currency's minor unit) ship from one location. 0 allows any split.">
          {(p) => <input {...p} name="min_split_order_value" type="number" inputMode="numeric" min={0} required defaultValue={settings.min_split_order_value} />}
        </Field>
    </FormCard>
  );
}

export function RoutingSettingsPage() {
  const { can } = useSession();
  const loaded = useApi<RoutingSettings>('/v1/settings/routing');
  const [saved, setSaved] = useState<RoutingSettings | null>(null);
  const settings = saved ?? loaded.data;
  return (
    <>
      <PageHeader title="Routing" subtitle="How Ordo chooses the locations that ship an order." />
      <p className="settings-note">
        One location that fills the whole order always beats a split. Ties break by distance (when on), then by each
        location&apos;s priority, then by its code. {settings?.updated_at ? `Last changed ${formatDateTime(settings.updated_at)}.` : 'These are the defaults.'}
      </p>
      {loaded.loading ? <Loading label="Loading routing rules…" /> : null}
      {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}
      {settings ? <RoutingForm settings={settings} canEdit={can('routing:manage')} onSaved={setSaved} /> : null}
    </>
  );
}
