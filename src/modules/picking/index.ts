// Picking: bins on stock levels, pick waves with their pick lists, confirming and scanning
// picks, short picks.
export { pickWaveRoutes as pickingRoutes } from './pick-waves.routes.ts';
export { createWave, getWave, listWaves, completeWave, cancelWave, WAVE_ORDERS_MAX, type WaveInput } from './pick-waves.service.ts';
export { confirmLine, scan, type ScanResult } from './pick-confirm.service.ts';
export { isValidBin, compareBins } from './bins.ts';
export { renderPdf, tableRow, ensureRoom, type Pdf } from './pdf-document.ts';
export type { PickWaveView, PickWaveSummary, PickLineView } from './pick-wave.view.ts';
