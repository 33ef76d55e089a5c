// The dashboard: the period's orders and revenue, by channel, by status and by day, and
// the stock running low (GET /v1/reports/summary); the orders waiting at each fulfillment
// stage now and the late shipments (GET /v1/reports/stages), whatever the period.
import { useApi } from '../../api/useApi.ts';
import type { Summary } from '../../api/types.ts';
import { humanize } from '../../format.ts';
import { Link, useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { BarChartCard } from './BarChartCard.tsx';
import { KpiCards } from './KpiCards.tsx';
import { LowStockCard } from './LowStockCard.tsx';
import { LateShipmentsCard } from './LateShipmentsCard.tsx';
import { StagesCard } from './StagesCard.tsx';
import { PERIODS, periodOf, summaryPath } from './period.ts';

function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

export function DashboardPage() {
  const { search } = useLocation();
  const period = periodOf(search.get('period'));
  const summary = useApi<Summary>(summaryPath(period.days));

  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={(
          <nav className="segmented" aria-label="Period">
            {PERIODS.map((p) => (
              <Link key={p.id} to={p.id === 'today' ? '/' : `/?period=${p.id}`} className="segment" aria-current={p.id === period.id ? 'page' : undefined}>{p.label}</Link>
            ))}
          </nav>
        )}
      />
      {summary.error ? <ErrorState error={summary.error} onRetry={summary.reload} /> : null}
      {summary.loading ? <Loading label="Loading the dashboard…" /> : null}
      {summary.data ? (
        <div className="dashboard">
          <KpiCards summary={summary.data} periodLabel={period.label.toLowerCase()} />
          {summary.data.orders === 0 ? (
            <p className="notice">No orders yet {period.id === 'today' ? 'today' : `in the ${period.label.toLowerCase()}`}. <Link to="/orders">See all orders</Link>.</p>
          ) : null}
          <div className="grid-2">
            <BarChartCard title="Orders by channel" categoryLabel="Channel" layout="horizontal" valueLabel="Orders" emptyText="No orders in this period."
              data={summary.data.by_channel.map((c) => ({ label: c.name, value: c.orders }))} />
            <BarChartCard title="Orders by status" categoryLabel="Status" layout="horizontal" valueLabel="Orders" emptyText="No orders in this period."
              data={summary.data.by_status.map((s) => ({ label: humanize(s.status), value: s.orders }))} />
          </div>
          {period.days > 1 ? (
            <BarChartCard title="Orders by day" categoryLabel="Day" valueLabel="Orders" emptyText="No orders in this period."
              data={summary.data.daily.map((d) => ({ label: dayLabel(d.day), value: d.orders }))} />
          ) : null}
          <div className="grid-2">
            <StagesCard />
          </div>
          <LateShipmentsCard />
          <LowStockCard lowStock={summary.data.low_stock} />
        </div>
      ) : null}
    </>
  );
}
