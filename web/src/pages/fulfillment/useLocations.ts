// The tenant's active locations, for the location pickers of the fulfillment pages.
import { useApi } from '../../api/useApi.ts';
import type { Location, Page } from '../../api/types.ts';

export function useLocations(filter: (location: Location) => boolean = () => true) {
  const resource = useApi<Page<Location>>('/v1/locations');
  const locations = (resource.data?.data ?? []).filter((l) => l.active && filter(l));
  return { resource, locations };
}
