// Packing: box sizes and the box suggestion, packages of a fulfillment order, the packing slip.
export { packingRoutes } from './packing.routes.ts';
export { listPackages, getPackage, createPackage, deletePackage, type PackageInput } from './packages.service.ts';
export { boxSuggestion, createBox, listBoxes, updateBox, type BoxInput } from './boxes.service.ts';
export { suggestBox, FILL_FACTOR, type BoxSuggestion } from './box-suggestion.ts';
export { loadPackingSlip, type PackingSlip } from './packing-slip.ts';
export type { PackageView, BoxView } from './package.view.ts';
