// Turns the runs into the table the README and docs/scaling.md quote.
import type { CeilingResult } from './db-ceiling.ts';
import type { LoadResult } from './http-load.ts';
import { median } from './stats.ts';

export interface ConcurrencyRuns {
  concurrency: number; http: LoadResult[]; ceiling: CeilingResult[];
  /** Outbox rows not yet relayed when each Ordo window ended. */
  backlog: number[];
}

export interface Row {
  concurrency: number; perSecond: number; p50: number; p99: number; errors: number;
  ceiling: number; ceilingP99: number; fraction: number;
  /** Median outbox rows still waiting for the relay when the load stopped. */
  backlog: number;
}

/** Medians over runs; errors are summed, since any error matters. */
export function summarize(all: readonly ConcurrencyRuns[]): Row[] {
  return all.map(({ concurrency, http, ceiling, backlog }) => {
    const perSecond = median(http.map((r) => r.perSecond));
    const ceilingPerSecond = median(ceiling.map((r) => r.perSecond));
    return {
      concurrency, perSecond,
      p50: median(http.map((r) => r.p50)), p99: median(http.map((r) => r.p99)),
      errors: http.reduce((n, r) => n + r.errors, 0) + ceiling.reduce((n, r) => n + r.errors, 0),
      ceiling: ceilingPerSecond, ceilingP99: median(ceiling.map((r) => r.p99)),
      fraction: perSecond / ceilingPerSecond,
      backlog: median(backlog),
    };
  });
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');

/** A Markdown table: readable in a terminal and pasteable into docs. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| concurrency | Ordo orders/s | p50 ms | p99 ms | errors | events waiting at the end | DB ceiling orders/s | ceiling p99 ms | Ordo / ceiling |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.concurrency} | ${fmt(r.perSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors} | ${fmt(r.backlog)} | ${fmt(r.ceiling)} | ${fmt(r.ceilingP99, 1)} | ${Number.isFinite(r.fraction) ? `${Math.round(r.fraction * 100)}%` : '–'} |`),
  ];
  return lines.join('\n');
}

/** The issue's goal, checked at concurrency 32. */
export function goalVerdict(rows: readonly Row[]): string {
  const row = rows.find((r) => r.concurrency === 32);
  if (!row) return 'goal not checked (concurrency 32 was not measured)';
  const checks = [
    [`${fmt(row.perSecond)} orders/s >= 1,500`, row.perSecond >= 1_500],
    [`p99 ${fmt(row.p99, 1)} ms < 50 ms`, row.p99 < 50],
    [`${Number.isFinite(row.fraction) ? Math.round(row.fraction * 100) : '–'}% of the ceiling >= 50%`, row.fraction >= 0.5],
  ] as const;
  return `goal at concurrency 32: ${checks.map(([text, ok]) => `${ok ? 'ok' : 'MISSED'} ${text}`).join('; ')}`;
}

export function describeLoad(r: LoadResult): string {
  const errors = r.errors ? ` errors ${JSON.stringify(r.errorsByStatus)} first: ${r.firstError}` : '';
  return `http    c=${String(r.concurrency).padStart(3)}: ${fmt(r.perSecond).padStart(6)} orders/s  p50 ${fmt(r.p50, 1).padStart(6)} ms  p99 ${fmt(r.p99, 1).padStart(6)} ms${errors}`;
}

export function describeCeiling(r: CeilingResult): string {
  const errors = r.errors ? ` errors ${r.errors} first: ${r.firstError}` : '';
  return `ceiling c=${String(r.concurrency).padStart(3)}: ${fmt(r.perSecond).padStart(6)} orders/s  p50 ${fmt(r.p50, 1).padStart(6)} ms  p99 ${fmt(r.p99, 1).padStart(6)} ms  (${r.connections} connections)${errors}`;
}
