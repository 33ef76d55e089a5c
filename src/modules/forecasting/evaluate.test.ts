import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, forecastsCsv, formatEvaluation, holdOut, parseCsvRows, parseWideCsv } from './evaluate.ts';

/** A small wide CSV: three seasonal series (two with the same header) and one with gaps. */
function sampleCsv(): string {
  const lines = ['"period","A","A","B with ""quotes""","C"'];
  for (let t = 0; t < 36; t++) {
    const s = [10, 14, 18, 12][t % 4] ?? 10;
    const c = t < 3 || t === 20 ? 'NA' : String(5 + (t % 3));
    lines.push([(2000 + t / 12).toFixed(4), s + (t % 3), 2 * s + (t % 5), s + t, c].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

test('CSV rows: quotes, escaped quotes, CRLF and a trailing newline', () => {
  assert.deepEqual(parseCsvRows('a,"b,c","d""e"\r\n1,2,3\n'), [['a', 'b,c', 'd"e'], ['1', '2', '3']]);
});

test('wide CSV: repeated headers stay separate series, NA becomes null', () => {
  const d = parseWideCsv(sampleCsv());
  assert.deepEqual(d.names, ['A', 'A', 'B with "quotes"', 'C']);
  assert.equal(d.series.length, 4);
  assert.equal(d.periods.length, 36);
  assert.equal(d.series[3]?.[0], null);
  assert.equal(d.series[3]?.[20], null);
  assert.equal(d.series[1]?.[1], 29);
  assert.throws(() => parseWideCsv('period\n1\n'));
});

test('hold-out keeps the last horizon points of each series', () => {
  const d = parseWideCsv(sampleCsv());
  const split = holdOut(d, 8);
  assert.equal(split[0]?.train.length, 28);
  assert.equal(split[0]?.actual.length, 8);
});

test('evaluate scores each method, and seasonal naive is exact on a perfectly seasonal series', () => {
  const lines = ['period,S'];
  for (let t = 0; t < 24; t++) lines.push(`${t},${[3, 7, 5, 9][t % 4]}`);
  const d = parseWideCsv(lines.join('\n'));
  const e = evaluate(d, { horizon: 4, season: 4, methods: ['seasonal_naive', 'naive'] });
  const sn = e.table.find((r) => r.method === 'seasonal_naive');
  assert.equal(sn?.mase, NaN); // zero in-sample seasonal scale: the series cannot be scaled
  assert.equal(sn?.excluded, 1);
  assert.equal(sn?.wql, 0);
});

test('evaluate runs every requested method and writes model,series,step,point,q0.1…q0.9 rows', () => {
  const d = parseWideCsv(sampleCsv());
  const e = evaluate(d, { horizon: 6, season: 4, methods: ['seasonal_naive', 'auto'] });
  assert.deepEqual(e.table.map((r) => r.method), ['seasonal_naive', 'auto']);
  for (const r of e.table) {
    assert.ok(Number.isFinite(r.mase) && Number.isFinite(r.rmsse) && Number.isFinite(r.wql), JSON.stringify(r));
    assert.equal(r.series, 4);
  }
  const csv = forecastsCsv(e).trim().split('\n');
  assert.equal(csv[0], 'model,series,step,point,q0.1,q0.2,q0.3,q0.4,q0.5,q0.6,q0.7,q0.8,q0.9');
  assert.equal(csv.length, 1 + 2 * 4 * 6);
  const autoRows = csv.filter((l) => l.startsWith('auto,'));
  assert.equal(autoRows.length, 24);
  assert.deepEqual(autoRows.map((l) => l.split(',')[1]).filter((v, i, a) => a.indexOf(v) === i), ['1', '2', '3', '4']);
  assert.match(formatEvaluation(e.table), /\| auto \|/);
  assert.throws(() => evaluate(d, { horizon: 2, season: 4, methods: ['nope' as 'auto'] }));
});
