// The headline numbers of the period.
import type { Summary } from '../../api/types.ts';
import { formatCount, formatMoney, formatMoneyList } from '../../format.ts';

function averageOrder(summary: Summary): string {
  const only = summary.revenue.length === 1 ? summary.revenue[0] : undefined;
  const paid = summary.orders - summary.canceled;
  if (!only || paid <= 0) return '—';
  return formatMoney(Math.round(only.amount / paid), only.currency);
}

export function KpiCards({ summary, periodLabel }: { summary: Summary; periodLabel: string }) {
  const kpis = [
    { label: 'Orders', value: formatCount(summary.orders), note: periodLabel },
    { label: 'Revenue', value: formatMoneyList(summary.revenue), note: 'excluding canceled orders' },
    { label: 'Average order', value: averageOrder(summary), note: 'revenue per order' },
    { label: 'Canceled', value: formatCount(summary.canceled), note: periodLabel },
  ];
  return (
    <dl className="kpis">
      {kpis.map((kpi) => (
        <div className="kpi" key={kpi.label}>
          <dt>{kpi.label}</dt>
          <dd className="kpi-value">{kpi.value}</dd>
          <dd className="kpi-note">{kpi.note}</dd>
        </div>
      ))}
      <div className="kpi kpi-link">
        <dt>Low stock</dt>
        <dd className="kpi-value">{formatCount(summary.low_stock.total)}</dd>
        <dd className="kpi-note"><a href="#low-stock">SKU-locations at or below {summary.low_stock.threshold}</a></dd>
      </div>
    </dl>
  );
}
