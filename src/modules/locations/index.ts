export { locationRoutes } from './locations.routes.ts';
export { createLocation, updateLocation, listLocations, findLocationByCode, getLocationByCode, toLocationView, type LocationRow, type LocationInput, type LocationPatch, type LocationView } from './locations.service.ts';
