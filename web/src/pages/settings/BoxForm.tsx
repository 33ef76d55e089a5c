// A box size, new or edited: inside dimensions, the most it may weigh, its own weight.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Box } from '../../api/types.ts';
import { CheckField, Field } from './form/Field.tsx';
import { FormCard } from './form/FormCard.tsx';
import { invalidForm, useForm } from './form/useForm.ts';
import { FormReader } from './form/values.ts';

const EDGE_MM_MAX = 10_000;
const WEIGHT_G_MAX = 1_000_000;

function readBox(read: FormReader) {
  return {
    name: read.text('name'),
    length_mm: read.integer('length_mm', 'length_mm', 1, EDGE_MM_MAX),
    width_mm: read.integer('width_mm', 'width_mm', 1, EDGE_MM_MAX),
    height_mm: read.integer('height_mm', 'height_mm', 1, EDGE_MM_MAX),
    max_weight_g: read.integer('max_weight_g', 'max_weight_g', 1, WEIGHT_G_MAX),
    tare_weight_g: read.integer('tare_weight_g', 'tare_weight_g', 0, WEIGHT_G_MAX),
  };
}

/** Creates a box (no `box`) or edits one; `onCancel` leaves an edit unsaved. */
export function BoxForm({ box, onSaved, onCancel }: { box?: Box; onSaved(box: Box): void; onCancel?(): void }) {
  const [saved, setSaved] = useState<Box | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => { if (box) wrapper.current?.querySelector('input')?.focus(); }, [box]);
  const form = useForm(async (data, element) => {
    setSaved(null);
    const read = new FormReader(data);
    const fields = readBox(read);
    const code = box ? box.code : read.text('code');
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const answer = box
      ? await api<Box>('PATCH', `/v1/boxes/${encodeURIComponent(box.code)}`, { ...fields, active: read.checked('active') })
      : await api<Box>('POST', '/v1/boxes', { code, ...fields });
    if (!box) element.reset();
    setSaved(answer);
    onSaved(answer);
  });
  const v = box;
  return (
    <div ref={wrapper}>
      <FormCard title={box ? `Edit box ${box.code}` : 'New box'} form={form} submitLabel={box ? 'Save box' : 'Add box'} collapsed={box ? undefined : true}
        actions={onCancel ? <button type="button" className="button button-quiet" onClick={onCancel}>Cancel</button> : null}
        result={saved && !box ? <p className="notice notice-success" role="status">Box {saved.code} added; packing can suggest it now.</p> : null}>
        {box ? null : (
          <Field id="box-code" label="Code" error={form.errorOf('code')} hint="Letters, digits, dashes; cannot change later.">
            {(p) => <input {...p} name="code" required maxLength={64} autoCapitalize="characters" autoComplete="off" />}
          </Field>
        )}
        <Field id="box-name" label="Name" error={form.errorOf('name')}>
          {(p) => <input {...p} name="name" required maxLength={200} defaultValue={v?.name} />}
        </Field>
        <Field id="box-length" label="Length (mm)" error={form.errorOf('length_mm')}>
          {(p) => <input {...p} name="length_mm" type="number" inputMode="numeric" min={1} required defaultValue={v?.length_mm} />}
        </Field>
        <Field id="box-width" label="Width (mm)" error={form.errorOf('width_mm')}>
          {(p) => <input {...p} name="width_mm" type="number" inputMode="numeric" min={1} required defaultValue={v?.width_mm} />}
        </Field>
        <Field id="box-height" label="Height (mm)" error={form.errorOf('height_mm')}>
          {(p) => <input {...p} name="height_mm" type="number" inputMode="numeric" min={1} required defaultValue={v?.height_mm} />}
        </Field>
        <Field id="box-max-weight" label="Holds up to (g)" error={form.errorOf('max_weight_g')}>
          {(p) => <input {...p} name="max_weight_g" type="number" inputMode="numeric" min={1} required defaultValue={v?.max_weight_g} />}
        </Field>
        <Field id="box-tare" label="Empty box weighs (g)" error={form.errorOf('tare_weight_g')}>
          {(p) => <input {...p} name="tare_weight_g" type="number" inputMode="numeric" min={0} required defaultValue={v?.tare_weight_g ?? 0} />}
        </Field>
        {box ? <CheckField id="box-active" name="active" label="In use" hint="Packing suggests only boxes in use." defaultChecked={box.active} /> : null}
      </FormCard>
    </div>
  );
}
