// A bar chart with its numbers also in a table that screen readers read (and that
// sighted users can open), so the chart is never the only way to the data.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '../../format.ts';
import { Card } from './Card.tsx';

export interface BarDatum { label: string; value: number }

export function BarChartCard({ title, data, categoryLabel, valueLabel, layout = 'vertical', emptyText }: {
  title: string; data: BarDatum[]; categoryLabel: string; valueLabel: string; layout?: 'vertical' | 'horizontal'; emptyText: string;
}) {
  const horizontal = layout === 'horizontal';
  const height = horizontal ? Math.max(140, data.length * 34 + 40) : 240;
  return (
    <Card title={title}>
      {data.length === 0 || data.every((d) => d.value === 0) ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <div className="chart" style={{ height }} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" horizontal={!horizontal} vertical={horizontal} />
                {horizontal ? (
                  <>
                    <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#4b5563' }} />
                    <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12, fill: '#374151' }} />
                  </>
                ) : (
                  <>
                    <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#4b5563' }} interval="preserveStartEnd" minTickGap={8} />
                    <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12, fill: '#4b5563' }} />
                  </>
                )}
                <Tooltip formatter={(value) => [formatCount(Number(value)), valueLabel]} cursor={{ fill: '#eef2ff' }} />
                <Bar dataKey="value" name={valueLabel} fill="#4f46e5" isAnimationActive={false} radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]} maxBarSize={36} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details className="chart-table">
            <summary>Show the numbers</summary>
            <table className="table table-compact">
              <thead><tr><th scope="col">{categoryLabel}</th><th scope="col" className="num">{valueLabel}</th></tr></thead>
              <tbody>{data.map((d) => <tr key={d.label}><td>{d.label}</td><td className="num">{formatCount(d.value)}</td></tr>)}</tbody>
            </table>
          </details>
        </>
      )}
    </Card>
  );
}
