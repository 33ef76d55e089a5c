// A product, new or edited: name, price, how it ships (weight, packed size) and scans
// (barcode), and what happens when it runs out.
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Product } from '../../api/types.ts';
import { minorToInput } from '../../ui/money-input.ts';
import { CheckField, Field } from '../settings/form/Field.tsx';
import { FormCard } from '../settings/form/FormCard.tsx';
import { invalidForm, useForm } from '../settings/form/useForm.ts';
import { FormReader } from '../settings/form/values.ts';

const EDGE_MM_MAX = 100_000;
const WEIGHT_G_MAX = 10_000_000;

function readProduct(read: FormReader) {
  const currency = read.text('currency').toUpperCase();
  const validCurrency = /^[A-Z]{3}$/.test(currency);
  if (!validCurrency) read.errors.push({ path: 'currency', message: 'must be a 3-letter currency code, like USD' });
  return {
    name: read.text('name'),
    price: read.money('price', 'price', validCurrency ? currency : 'USD'),
    currency,
    weight_g: read.integer('weight_g', 'weight_g', 0, WEIGHT_G_MAX, true),
    length_mm: read.integer('length_mm', 'length_mm', 1, EDGE_MM_MAX, true),
    width_mm: read.integer('width_mm', 'width_mm', 1, EDGE_MM_MAX, true),
    height_mm: read.integer('height_mm', 'height_mm', 1, EDGE_MM_MAX, true),
    barcode: read.optionalText('barcode') ?? null,
    inventory_policy: read.text('inventory_policy'),
  };
}

/** Without nulls: a new product simply leaves out what is unknown. */
const withoutNulls = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));

export function ProductForm({ product, onSaved, collapsed }: { product?: Product; onSaved(p: Product): void; collapsed?: boolean }) {
  const [created, setCreated] = useState<Product | null>(null);
  const form = useForm(async (data, element) => {
    setCreated(null);
    const read = new FormReader(data);
    const fields = readProduct(read);
    const sku = product ? product.sku : read.text('sku');
    if (read.errors.length > 0) throw invalidForm(read.errors);
    const saved = product
      ? await api<Product>('PATCH', `/v1/products/${encodeURIComponent(product.sku)}`, { ...fields, active: read.checked('active') })
      : await api<Product>('POST', '/v1/products', { sku, ...withoutNulls(fields) });
    if (!product) {
      element.reset();
      setCreated(saved);
    }
    onSaved(saved);
  });
  const p = product;
  const dims = (field: 'length_mm' | 'width_mm' | 'height_mm') => p?.[field] ?? undefined;
  return (
    <FormCard title={p ? 'Details' : 'New product'} form={form} submitLabel={p ? 'Save product' : 'Add product'} collapsed={collapsed}
      result={created ? <p className="notice notice-success" role="status">{created.sku} added to the catalog.</p> : null}>
      {p ? null : (
        <Field id="product-sku" label="SKU" error={form.errorOf('sku')} hint="Cannot change later.">
          {(c) => <input {...c} name="sku" required maxLength={64} autoCapitalize="characters" autoComplete="off" />}
        </Field>
      )}
      <Field id="product-name" label="Name" error={form.errorOf('name')} wide>
        {(c) => <input {...c} name="name" required maxLength={200} defaultValue={p?.name} />}
      </Field>
      <Field id="product-price" label="Price" error={form.errorOf('price')} hint="e.g. 24.00">
        {(c) => <input {...c} name="price" inputMode="decimal" required defaultValue={p ? minorToInput(p.price, p.currency) : ''} />}
      </Field>
      <Field id="product-currency" label="Currency" error={form.errorOf('currency')}>
        {(c) => <input {...c} name="currency" required maxLength={3} autoCapitalize="characters" defaultValue={p?.currency ?? 'USD'} />}
      </Field>
      <Field id="product-weight" label="Weight (g)" error={form.errorOf('weight_g')} hint="Prices parcels; empty if unknown.">
        {(c) => <input {...c} name="weight_g" type="number" inputMode="numeric" min={0} defaultValue={p?.weight_g ?? undefined} />}
      </Field>
      <Field id="product-length" label="Length (mm)" error={form.errorOf('length_mm')} hint="As packed; for box suggestions.">
        {(c) => <input {...c} name="length_mm" type="number" inputMode="numeric" min={1} defaultValue={dims('length_mm')} />}
      </Field>
      <Field id="product-width" label="Width (mm)" error={form.errorOf('width_mm')}>
        {(c) => <input {...c} name="width_mm" type="number" inputMode="numeric" min={1} defaultValue={dims('width_mm')} />}
      </Field>
      <Field id="product-height" label="Height (mm)" error={form.errorOf('height_mm')}>
        {(c) => <input {...c} name="height_mm" type="number" inputMode="numeric" min={1} defaultValue={dims('height_mm')} />}
      </Field>
      <Field id="product-barcode" label="Barcode" error={form.errorOf('barcode')} hint="What the scanners read (EAN, UPC…).">
        {(c) => <input {...c} name="barcode" maxLength={64} autoComplete="off" defaultValue={p?.barcode ?? ''} />}
      </Field>
      <Field id="product-policy" label="When out of stock" error={form.errorOf('inventory_policy')}>
        {(c) => (
          <select {...c} name="inventory_policy" defaultValue={p?.inventory_policy ?? 'deny'}>
            <option value="deny">Stop selling</option>
            <option value="continue">Sell into backorder</option>
          </select>
        )}
      </Field>
      {p ? <CheckField id="product-active" name="active" label="Active" hint="Inactive products cannot be ordered." defaultChecked={p.active} /> : null}
    </FormCard>
  );
}
