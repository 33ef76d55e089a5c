// Hold-out evaluation of the forecasting methods on a wide CSV (first column the period, then
// one column per series). The last `horizon` points of every series are held out, each method
// forecasts them from the rest, and the forecasts are scored with MASE, RMSSE and WQL.
import { readFile } from 'node:fs/promises';
import { forecast, METHODS, type MethodName } from './engine/methods.ts';
import { prepareSeries } from './engine/prepare.ts';
import { QUANTILE_LEVELS, type ForecastResult } from './engine/types.ts';
import { score, type Scores } from './metrics.ts';

/** A parsed wide CSV; series[k] is the (k+1)-th series column, null marking `NA`. */
export interface WideData {
  periods: string[];
  names: string[];
  series: Array<Array<number | null>>;
}

/** Splits CSV text into rows of fields (RFC 4180 quoting, CRLF or LF line ends). */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || (r[0] ?? '').trim() !== '');
}

function parseValue(field: string | undefined): number | null {
  const t = (field ?? '').trim();
  if (t === '' || t.toUpperCase() === 'NA') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Parses a wide CSV: header row, then one row per period; `NA` or empty cells are missing. */
export function parseWideCsv(text: string): WideData {
  const [header, ...body] = parseCsvRows(text.replace(/^\uFEFF/, ''));
  if (!header || header.length < 2) throw new Error('CSV needs a period column and at least one series column');
  const names = header.slice(1).map((h) => h.trim());
  const series = names.map((_, k) => body.map((r) => parseValue(r[k + 1])));
  return { periods: body.map((r) => (r[0] ?? '').trim()), names, series };
}

/** Reads and parses a wide CSV file. */
export async function readWideCsv(path: string): Promise<WideData> {
  return parseWideCsv(await readFile(path, 'utf8'));
}

/** Settings of an evaluation. */
export interface EvaluateOptions {
  horizon: number;
  season: number;
  methods?: readonly MethodName[];
}

/** One row of the result table. */
export interface EvaluationRow extends Scores {
  method: MethodName;
  seconds: number;
}

/** Forecast of one series by one method (series is the 1-based column position). */
export interface SeriesForecast {
  series: number;
  result: ForecastResult;
}

/** Scores per method plus every forecast made. */
export interface Evaluation {
  table: EvaluationRow[];
  forecasts: Partial<Record<MethodName, SeriesForecast[]>>;
}

/** Methods evaluated when none are named. */
export const DEFAULT_METHODS: readonly MethodName[] = [
  'seasonal_naive', 'naive', 'ses', 'holt', 'holt_damped', 'holt_winters', 'ets', 'theta', 'croston', 'sba', 'tsb', 'auto',
];

/** Splits every series into training part and hold-out. */
export function holdOut(data: WideData, horizon: number): Array<{ train: Array<number | null>; actual: Array<number | null> }> {
  return data.series.map((s) => ({ train: s.slice(0, Math.max(0, s.length - horizon)), actual: s.slice(Math.max(0, s.length - horizon)) }));
}

/** Forecasts the hold-out of every series with every method and scores the results. */
export function evaluate(data: WideData, options: EvaluateOptions): Evaluation {
  const methods = options.methods ?? DEFAULT_METHODS;
  const split = holdOut(data, options.horizon);
  const table: EvaluationRow[] = [];
  const forecasts: Evaluation['forecasts'] = {};
  for (const method of methods) {
    if (!Object.hasOwn(METHODS, method)) throw new Error(`unknown method ${method}`);
    const started = performance.now();
    const made: SeriesForecast[] = split.map((s, k) => ({
      series: k + 1,
      result: forecast(s.train, { horizon: options.horizon, season: options.season, method }),
    }));
    const seconds = (performance.now() - started) / 1000;
    const scores = score(
      split.map((s, k) => ({ train: prepareSeries(s.train).values, actual: s.actual, forecast: (made[k] as SeriesForecast).result })),
      options.season,
    );
    table.push({ method, seconds, ...scores });
    forecasts[method] = made;
  }
  return { table, forecasts };
}

/** CSV text with rows `model,series,step,point,q0.1,…,q0.9` for every forecast made. */
export function forecastsCsv(evaluation: Evaluation, levels: readonly number[] = QUANTILE_LEVELS): string {
  const lines = [['model', 'series', 'step', 'point', ...levels.map((l) => `q${l}`)].join(',')];
  for (const [model, made] of Object.entries(evaluation.forecasts)) {
    for (const { series, result } of made ?? []) {
      result.point.forEach((p, h) => {
        const qs = levels.map((l) => fmt(result.quantiles.find((q) => Math.abs(q.level - l) < 1e-9)?.values[h] ?? p));
        lines.push([model, String(series), String(h + 1), fmt(p), ...qs].join(','));
      });
    }
  }
  return lines.join('\n') + '\n';
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}

/** The result table as aligned text (a Markdown table). */
export function formatEvaluation(table: readonly EvaluationRow[]): string {
  const header = '| method | MASE | RMSSE | WQL | series | seconds |';
  const rule = '|---|---:|---:|---:|---:|---:|';
  const rows = table.map(
    (r) => `| ${r.method} | ${r.mase.toFixed(4)} | ${r.rmsse.toFixed(4)} | ${r.wql.toFixed(4)} | ${r.series}${r.excluded ? ` (+${r.excluded} unscaled)` : ''} | ${r.seconds.toFixed(1)} |`,
  );
  return [header, rule, ...rows].join('\n');
}
