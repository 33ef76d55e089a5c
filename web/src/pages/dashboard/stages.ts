// The fulfillment stages in words, and where each number leads: the list of exactly the
// orders it counts, plus the page where that work is done.
import type { Stage } from '../../api/types.ts';

export interface StageInfo {
  label: string;
  /** What the count means, for the tile and the list page. */
  note: string;
  /** Where the number links: a list of exactly the orders counted. */
  list: string;
  /** Where the work on them is done, when that is another page. */
  work?: { label: string; to: string };
  /** Counts here want attention rather than just work. */
  attention?: boolean;
}

export const stageListHref = (stage: Stage) => `/reports/stages/${stage}`;

export const STAGE_INFO: Record<Stage, StageInfo> = {
  to_route: { label: 'To route', note: 'open orders with units no location holds', list: stageListHref('to_route'), attention: true },
  to_pick: { label: 'To pick', note: 'waiting for a pick wave', list: stageListHref('to_pick'), work: { label: 'Pick waves', to: '/fulfillment/waves' } },
  picking: { label: 'Picking', note: 'in an open pick wave', list: stageListHref('picking'), work: { label: 'Open waves', to: '/fulfillment/waves?status=open' } },
  to_pack: { label: 'To pack', note: 'picked, waiting for the bench', list: stageListHref('to_pack'), work: { label: 'Pack station', to: '/fulfillment/pack?status=picked' } },
  to_ship: { label: 'To ship', note: 'packed, waiting for a carrier', list: stageListHref('to_ship'), work: { label: 'Pack station', to: '/fulfillment/pack?status=packed' } },
  ready_for_pickup: { label: 'Ready for pickup', note: 'waiting at a store counter', list: stageListHref('ready_for_pickup'), work: { label: 'Pickups', to: '/fulfillment/pickups' } },
  on_hold: { label: 'On hold', note: 'waiting for someone to release them', list: '/orders?status=on_hold', attention: true },
  backordered: { label: 'Backordered', note: 'waiting for stock to arrive', list: stageListHref('backordered'), work: { label: 'Replenishment', to: '/replenishment' }, attention: true },
  late: { label: 'Late shipments', note: 'not shipped in time', list: stageListHref('late'), work: { label: 'Shipments', to: '/fulfillment/shipments' }, attention: true },
};
