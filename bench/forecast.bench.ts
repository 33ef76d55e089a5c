// Speed benchmark of the automatic forecast: 10,000 generated weekly series of 104 points (a mix
// of smooth, trended, seasonal and intermittent demand), 13 weeks ahead with season 52, spread
// over worker threads. Prints the median wall time of 3 runs and its ratio to seasonal naive
// over the same series in the same run, so the figure can be compared across machines.
//   npx tsx bench/forecast.bench.ts [--series 10000] [--workers N]
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { forecast, type MethodName } from '../src/modules/forecasting/engine/methods.ts';
import { normalSampler, seededRandom } from '../src/modules/forecasting/engine/stats.ts';

const LENGTH = 104;
const HORIZON = 13;
const SEASON = 52;
const BUDGET_SECONDS = 10;

interface Job {
  method: MethodName;
  start: number;
  end: number;
}

interface Done {
  count: number;
  invalid: number;
}

/** Fills `out` (series-major) with a deterministic mix of demand patterns. */
function generate(out: Float64Array, count: number): void {
  const uniform = seededRandom(2024);
  const normal = normalSampler(uniform);
  for (let i = 0; i < count; i++) {
    const base = 5 + 300 * uniform();
    const kind = i % 4;
    const slope = (uniform() - 0.5) * 0.01;
    const amplitude = 0.2 + 0.5 * uniform();
    const phase = uniform() * 2 * Math.PI;
    const rate = 0.1 + 0.4 * uniform();
    for (let t = 0; t < LENGTH; t++) {
      let v: number;
      if (kind === 0) v = base * (1 + 0.15 * normal());
      else if (kind === 1) v = base * (1 + slope * t) * (1 + 0.1 * normal());
      else if (kind === 2) v = base * (1 + amplitude * Math.sin((2 * Math.PI * t) / SEASON + phase)) * (1 + 0.1 * normal());
      else v = uniform() < rate ? 1 + Math.round((base / 20) * uniform()) : 0;
      out[i * LENGTH + t] = Math.max(0, Math.round(v));
    }
  }
}

/** Forecasts series [start, end) and counts results that break the engine's guarantees. */
function work(data: Float64Array, job: Job): Done {
  let invalid = 0;
  for (let i = job.start; i < job.end; i++) {
    const y = Array.from(data.subarray(i * LENGTH, (i + 1) * LENGTH));
    const r = forecast(y, { horizon: HORIZON, season: SEASON, method: job.method });
    const ok = r.point.every((v) => Number.isFinite(v) && v >= 0) &&
      r.quantiles.every((q, k) => q.values.every((v, h) => Number.isFinite(v) && v >= 0 && v >= (r.quantiles[k - 1]?.values[h] ?? 0)));
    if (!ok) invalid++;
  }
  return { count: job.end - job.start, invalid };
}

if (!isMainThread) {
  const data = new Float64Array(workerData as SharedArrayBuffer);
  parentPort?.on('message', (job: Job) => parentPort?.postMessage(work(data, job)));
} else {
  await main();
}

/**
 * Starts this file as a worker. On Node 20, loader hooks given to a worker through
 * `execArgv: ['--import', 'tsx']` are not applied (the worker fails with "Unknown file
 * extension .ts"), so a tiny JavaScript bootstrap registers tsx inside the worker first.
 */
function startTsWorker(url: string, data: SharedArrayBuffer): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Runs one method over all series, handing out chunks to whichever worker is free. */
async function runJobs(pool: Worker[], method: MethodName, count: number, chunk: number): Promise<{ seconds: number; invalid: number }> {
  const started = performance.now();
  let next = 0;
  let invalid = 0;
  await Promise.all(pool.map(async (w) => {
    while (next < count) {
      const job: Job = { method, start: next, end: Math.min(count, next + chunk) };
      next = job.end;
      const reply = new Promise<Done>((resolve) => w.once('message', resolve));
      w.postMessage(job);
      invalid += (await reply).invalid;
    }
  }));
  return { seconds: (performance.now() - started) / 1000, invalid };
}

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const count = flag('--series', 10_000);
  const workers = flag('--workers', Math.max(1, Math.min(availableParallelism(), 8)));
  const shared = new SharedArrayBuffer(count * LENGTH * Float64Array.BYTES_PER_ELEMENT);
  generate(new Float64Array(shared), count);

  const poolStart = performance.now();
  const pool = Array.from({ length: workers }, () => startTsWorker(import.meta.url, shared));
  // A small warm-up compiles the code paths in every worker before anything is timed.
  await runJobs(pool, 'auto', Math.min(count, 100 * workers), 100);
  const startup = (performance.now() - poolStart) / 1000;

  const autoTimes: number[] = [];
  const naiveTimes: number[] = [];
  let invalid = 0;
  for (let run = 1; run <= 3; run++) {
    const a = await runJobs(pool, 'auto', count, 200);
    const b = await runJobs(pool, 'seasonal_naive', count, 200);
    autoTimes.push(a.seconds);
    naiveTimes.push(b.seconds);
    invalid += a.invalid + b.invalid;
    console.log(`run ${run}: auto ${a.seconds.toFixed(2)} s, seasonal naive ${b.seconds.toFixed(3)} s`);
  }
  await Promise.all(pool.map((w) => w.terminate()));

  const auto = median(autoTimes);
  const naive = median(naiveTimes);
  console.log(`\n${count} series × ${LENGTH} weekly points, horizon ${HORIZON}, season ${SEASON}, ${workers} worker thread(s)`);
  console.log(`worker start-up and warm-up: ${startup.toFixed(2)} s (not included below)`);
  console.log(`auto: median ${auto.toFixed(2)} s over 3 runs (${Math.round(count / auto)} series/s)`);
  console.log(`seasonal naive baseline: median ${naive.toFixed(3)} s; auto / baseline = ${(auto / naive).toFixed(1)}×`);
  console.log(`results breaking the guarantees (NaN, negative, crossing quantiles): ${invalid}`);
  console.log(auto < BUDGET_SECONDS ? `within the ${BUDGET_SECONDS} s budget` : `OVER the ${BUDGET_SECONDS} s budget`);
  if (auto >= BUDGET_SECONDS || invalid > 0) process.exitCode = 1;
}
