export { locationRoutes } from './locations.routes.ts';
export { createLocation, listLocations, findLocationByCode, getLocationByCode, toLocationView, type LocationRow, type LocationInput, type LocationView } from './locations.service.ts';
