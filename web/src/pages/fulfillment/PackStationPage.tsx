// The pack station: find an order (scan or queue), then pack and ship it. The chosen
// fulfillment order is in the URL (?fo=), so a page reload keeps the bench.
import { useLocation } from '../../router/router.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PackFinder } from './PackFinder.tsx';
import { PackingBench } from './PackingBench.tsx';
import './fulfillment.css';

export function PackStationPage() {
  const { search } = useLocation();
  const fo = search.get('fo') ?? '';
  return (
    <>
      <PageHeader title="Pack station" subtitle={fo ? 'Scan items into packages, then ship.' : 'Scan an order or take the next one from the queue.'} />
      {fo ? <PackingBench key={fo} fulfillmentOrderId={fo} /> : <PackFinder location={search.get('location') ?? ''} status={search.get('status') || 'picked'} />}
    </>
  );
}
