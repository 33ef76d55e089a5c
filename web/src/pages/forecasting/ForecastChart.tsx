// A SKU's weekly demand and forecast: the history, the point forecast and its 10–90 %
// band, with the same numbers in a table ("Show the numbers") for screen readers.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../format.ts';
import type { Forecast } from './types.ts';

interface Row { week: string; history?: number; forecast?: number; low?: number; band?: number; high?: number }

const round = (x: number) => Math.round(x * 10) / 10;

export function chartRows(f: Forecast): Row[] {
  const rows: Row[] = f.history.map((h) => ({ week: h.start, history: h.quantity }));
  for (const p of f.forecast) {
    const low = p.quantiles['0.1'] ?? p.point;
    const high = p.quantiles['0.9'] ?? p.point;
    rows.push({ week: p.start, forecast: round(p.point), low: round(low), band: round(Math.max(0, high - low)), high: round(high) });
  }
  return rows;
}

export function ForecastChart({ forecast, title }: { forecast: Forecast; title: string }) {
  const rows = chartRows(forecast);
  return (
    <figure className="forecast-figure" aria-label={title}>
      <div className="chart" style={{ height: 280 }} aria-hidden="true" data-testid="forecast-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="week" tick={{ fontSize: 12, fill: '#4b5563' }} interval="preserveStartEnd" minTickGap={16} />
            <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12, fill: '#4b5563' }} />
            <Tooltip formatter={(value, name) => (name === '10–90 % band' ? null : [formatCount(Number(value)), name])} />
            <Legend />
            <Area dataKey="low" stackId="band" stroke="none" fill="transparent" legendType="none" isAnimationActive={false} name="10 %" />
            <Area dataKey="band" stackId="band" stroke="none" fill="#c7d2fe" fillOpacity={0.7} isAnimationActive={false} name="10–90 % band" />
            <Line dataKey="history" stroke="#374151" strokeWidth={2} dot={false} isAnimationActive={false} name="Demand" />
            <Line dataKey="forecast" stroke="#4f46e5" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} name="Forecast" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{title}: weekly demand history and forecast; the numbers are in the table below.</figcaption>
      <details className="chart-table">
        <summary>Show the numbers</summary>
        <table className="table table-compact" aria-label={`${title} numbers`}>
          <thead>
            <tr><th scope="col">Week starting</th><th scope="col" className="num">Demand</th><th scope="col" className="num">Forecast</th><th scope="col" className="num">10 %</th><th scope="col" className="num">90 %</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.week}-${r.history === undefined ? 'f' : 'h'}`}>
                <td className="nowrap">{r.week}</td>
                <td className="num">{r.history === undefined ? '—' : formatCount(r.history)}</td>
                <td className="num">{r.forecast === undefined ? '—' : formatCount(r.forecast)}</td>
                <td className="num">{r.low === undefined ? '—' : formatCount(r.low)}</td>
                <td className="num">{r.high === undefined ? '—' : formatCount(r.high)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
