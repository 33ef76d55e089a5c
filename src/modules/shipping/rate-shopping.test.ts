import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CarrierServiceRow } from './carrier-services.service.ts';
import { pickRate, servicesForMethod, shopRates } from './rate-shopping.ts';
import { zoneFor, quoteRateTable, type RateTableConfig } from './carriers/index.ts';
import { validatorFor } from './carriers/index.ts';

const TABLE: RateTableConfig = {
  zones: [
    { code: 'US', countries: ['US'] },
    { code: 'US-WEST', countries: ['US'], postal_prefixes: ['9'] },
    { code: 'NYC', countries: ['US'], postal_prefixes: ['100', '101'] },
    { code: 'CA', countries: ['CA'] },
  ],
  bands: [
    { max_weight_g: 500, rates: { US: 500, 'US-WEST': 700, NYC: 450 } },
    { max_weight_g: 2000, rates: { US: 900, 'US-WEST': 1200, NYC: 800, CA: 2500 } },
  ],
};

function service(code: string, carrier: 'manual' | 'rate_table', extra: Partial<CarrierServiceRow> = {}): CarrierServiceRow {
  return {
    tenant_id: 't', id: `srv_${code}`, code, name: code, carrier, methods: ['standard'], transit_days: 3, currency: 'USD',
    config: carrier === 'rate_table' ? TABLE as unknown as Record<string, unknown> : {}, webhook_secret: null, active: true,
    created_at: new Date(), updated_at: new Date(), ...extra,
  };
}
const from = { country: 'US', postalCode: '62701' };

test('the longest matching postal prefix decides the zone', () => {
  assert.equal(zoneFor(TABLE, { country: 'US', postalCode: '62701' }), 'US');
  assert.equal(zoneFor(TABLE, { country: 'US', postalCode: '94103' }), 'US-WEST');
  assert.equal(zoneFor(TABLE, { country: 'US', postalCode: '10001' }), 'NYC');
  assert.equal(zoneFor(TABLE, { country: 'DE', postalCode: '10115' }), null);
});

test('the lightest band that holds the weight prices it; gaps are reported', () => {
  assert.deepEqual(quoteRateTable(TABLE, { weightG: 500 }, { country: 'US', postalCode: '1' }), { ok: true, price: 500, zone: 'US' });
  assert.deepEqual(quoteRateTable(TABLE, { weightG: 501 }, { country: 'US', postalCode: '1' }), { ok: true, price: 900, zone: 'US' });
  assert.match((quoteRateTable(TABLE, { weightG: 2001 }, { country: 'US', postalCode: '1' }) as { reason: string }).reason, /heaviest band/);
  assert.match((quoteRateTable(TABLE, { weightG: 100 }, { country: 'CA', postalCode: 'K1A' }) as { reason: string }).reason, /no rate for zone CA/);
  assert.match((quoteRateTable(TABLE, { weightG: 100 }, { country: 'DE', postalCode: '1' }) as { reason: string }).reason, /does not deliver/);
});

test('cheapest and fastest are marked; unavailable services say why', () => {
  const services = [
    service('TABLE', 'rate_table', { transit_days: 5 }),
    service('EXPRESS', 'manual', { transit_days: 1, config: { flat_rate: 2500 } }),
    service('COURIER', 'manual', { transit_days: 1, config: { flat_rate: 1500 } }),
  ];
  const sheet = shopRates(services, { weightG: 300 }, from, { country: 'US', postalCode: '62701' }, 'USD');
  assert.deepEqual(sheet.rates.map((r) => [r.service, r.price, r.cheapest, r.fastest]), [['TABLE', 500, true, false], ['COURIER', 1500, false, true], ['EXPRESS', 2500, false, false]]);
  assert.equal(pickRate(sheet, 'fastest')?.service, 'COURIER');
  const abroad = shopRates(services, { weightG: 300 }, from, { country: 'DE', postalCode: '10115' }, 'USD');
  assert.deepEqual(abroad.unavailable.map((u) => u.service), ['TABLE']);
  assert.equal(pickRate(abroad, 'cheapest')?.service, 'COURIER');
});

test('services are chosen by the order shipping method, inactive ones never', () => {
  const services = [service('A', 'manual', { methods: ['express'] }), service('B', 'manual'), service('C', 'manual', { active: false })];
  assert.deepEqual(servicesForMethod(services, 'standard').map((s) => s.code), ['B']);
  assert.deepEqual(servicesForMethod(services, null).map((s) => s.code), ['A', 'B']);
});

test('rate table configs are checked strictly', () => {
  const validate = validatorFor('rate_table');
  assert.deepEqual(validate(TABLE, 'USD'), []);
  assert.deepEqual(validate(TABLE, null).map((e) => e.path), ['currency']);
  const paths = (config: unknown) => validate(config, 'USD').map((e) => e.path);
  assert.deepEqual(paths({ zones: [{ code: 'A', countries: ['US'], extra: 1 }], bands: [{ max_weight_g: 1, rates: { A: 1 } }] }), ['config.zones[0].extra']);
  assert.deepEqual(paths({ zones: [{ code: 'A', countries: ['us'] }], bands: [{ max_weight_g: 1, rates: { A: 1 } }] }), ['config.zones[0].countries[0]']);
  assert.deepEqual(paths({ zones: [{ code: 'A', countries: ['US'] }, { code: 'A', countries: ['CA'] }], bands: [{ max_weight_g: 1, rates: { A: 1 } }] }), ['config.zones[1].code']);
  assert.deepEqual(paths({ zones: [{ code: 'A', countries: ['US'] }], bands: [{ max_weight_g: 10, rates: { A: 1 } }, { max_weight_g: 10, rates: { B: -1 } }] }), ['config.bands[1].rates.B']);
  assert.deepEqual(paths({ zones: [{ code: 'A', countries: ['US'] }], bands: [{ max_weight_g: 10, rates: { A: 1 } }, { max_weight_g: 10, rates: { B: 1 } }] }), ['config.bands[1].max_weight_g', 'config.bands[1].rates.B']);
  assert.deepEqual(paths({ zones: [] }).sort(), ['config.bands', 'config.zones']);
  assert.deepEqual(validatorFor('manual')({ flat_rate: 100, zones: [] }, null).map((e) => e.path), ['config.zones']);
});
