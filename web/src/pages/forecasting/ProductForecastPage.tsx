// One product: its demand forecast per location (or over all of them), the method that
// answered and how accurate it was on the latest weeks it had not seen.
import { useId } from 'react';
import { query } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import type { Page } from '../../api/types.ts';
import { formatDateTime } from '../../format.ts';
import { Link, navigate, useLocation } from '../../router/router.tsx';
import { Card } from '../dashboard/Card.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Empty, ErrorState, Loading } from '../../ui/States.tsx';
import { ForecastChart } from './ForecastChart.tsx';
import type { Forecast } from './types.ts';

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));

export function ProductForecastPage({ params }: { params: Record<string, string> }) {
  const sku = params.sku ?? '';
  const { search } = useLocation();
  const location = search.get('location') ?? '';
  const locations = useApi<Page<{ code: string; name: string }>>('/v1/locations');
  const forecast = useApi<Forecast>(`/v1/forecasts/${encodeURIComponent(sku)}${query({ location })}`);
  const selectId = useId();
  const f = forecast.data;
  const noForecast = f !== undefined && (f.demand_refreshed_at === null || f.history.every((h) => h.quantity === 0));
  const title = `Forecast of ${sku} ${location ? `at ${location}` : 'at all locations'}`;

  return (
    <>
      <PageHeader
        title={f ? `${f.sku} · ${f.name}` : sku}
        subtitle="Weekly demand and what the forecast expects next."
        actions={<Link to={`/inventory?sku=${encodeURIComponent(sku)}`} className="button">Stock</Link>}
      />
      <div className="filters">
        <div className="field">
          <label htmlFor={selectId}>Location</label>
          <select id={selectId} value={location} onChange={(e) => navigate(`/products/${encodeURIComponent(sku)}${query({ location: e.target.value })}`, { replace: true })}>
            <option value="">All locations</option>
            {(locations.data?.data ?? []).map((l) => <option key={l.code} value={l.code}>{l.code} · {l.name}</option>)}
          </select>
        </div>
      </div>
      <Card title="Demand forecast">
        {forecast.loading ? <Loading label="Loading the forecast…" /> : null}
        {forecast.error ? <ErrorState error={forecast.error} onRetry={forecast.reload} /> : null}
        {noForecast ? <Empty title="No forecast yet — runs hourly.">The forecast appears once the forecasting pass has seen orders for this product here.</Empty> : null}
        {f && !noForecast ? (
          <>
            <dl className="facts" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 12, marginBottom: 12, overflowWrap: 'anywhere' }}>
              <div><dt>Method</dt><dd data-testid="forecast-method">{f.method}</dd></div>
              <div><dt>Backtest accuracy</dt><dd>{f.accuracy
                ? `MAE ${fmt(f.accuracy.mae)} · MASE ${fmt(f.accuracy.mase)} over the last ${f.accuracy.holdout_weeks} weeks`
                : 'Not enough history for a backtest'}</dd></div>
              <div><dt>History</dt><dd>{f.history.length} weeks up to {f.as_of}</dd></div>
              <div><dt>Demand refreshed</dt><dd>{formatDateTime(f.demand_refreshed_at)}</dd></div>
            </dl>
            {f.notes && f.notes.length > 0 ? <ul className="muted small">{f.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
            <ForecastChart forecast={f} title={title} />
          </>
        ) : null}
      </Card>
    </>
  );
}
