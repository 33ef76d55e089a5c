// Orders waiting at each fulfillment stage, as numbers that link to the orders counted
// and as a chart. The figures come from GET /v1/reports/stages.
import { useApi } from '../../api/useApi.ts';
import type { Stages } from '../../api/types.ts';
import { formatCount } from '../../format.ts';
import { Link } from '../../router/router.tsx';
import { ErrorState, Loading } from '../../ui/States.tsx';
import { BarChartCard } from './BarChartCard.tsx';
import { Card } from './Card.tsx';
import { STAGE_INFO } from './stages.ts';
import '../settings/form/settings.css';

function tileNote(s: Stages['stages'][number], lateAfterHours: number): string {
  const info = STAGE_INFO[s.stage];
  if (s.stage === 'late') return `not shipped ${lateAfterHours} h after ordering`;
  if (s.stage === 'backordered' && s.units) return `${formatCount(s.units)} units ${info.note}`;
  if (s.fulfillment_orders !== null && s.fulfillment_orders !== s.orders) return `${info.note} (${formatCount(s.fulfillment_orders)} fulfillment orders)`;
  return info.note;
}

export function StagesCard() {
  const stages = useApi<Stages>('/v1/reports/stages');
  const data = stages.data;
  return (
    <>
      <Card title="Waiting now" className="card-wide">
        {stages.loading ? <Loading label="Loading the stages…" /> : null}
        {stages.error ? <ErrorState error={stages.error} onRetry={stages.reload} /> : null}
        {data ? (
          <ul className="stages" aria-label="Orders waiting per stage">
            {data.stages.map((s) => {
              const info = STAGE_INFO[s.stage];
              return (
                <li key={s.stage} className={`stage${info.attention && s.orders > 0 ? ' stage-attention' : ''}`}>
                  <Link className="stage-count" to={info.list} aria-label={`${formatCount(s.orders)} ${s.orders === 1 ? 'order' : 'orders'} ${info.label.toLowerCase()}`}>{formatCount(s.orders)}</Link>
                  <span className="stage-label">{info.label}</span>
                  <span className="stage-note">{tileNote(s, data.late_after_hours)}</span>
                </li>
              );
            })}
          </ul>
        ) : null}
      </Card>
      {data ? (
        <BarChartCard title="Orders per stage" categoryLabel="Stage" valueLabel="Orders" layout="horizontal" emptyText="Nothing is waiting: every order is done or on its way."
          data={data.stages.filter((s) => s.stage !== 'late').map((s) => ({ label: STAGE_INFO[s.stage].label, value: s.orders }))} />
      ) : null}
    </>
  );
}
