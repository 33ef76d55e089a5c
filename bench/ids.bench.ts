// `npx tsx bench/ids.bench.ts`: our id generator against the `ulid` package's monotonic
// factory (the one Ordo used before), same process, medians of 5 rounds.
import { monotonicFactory } from 'ulid';
import { nextUlid } from '../src/platform/ids.ts';

const N = 200_000;
const ulidNext = monotonicFactory();

// Under real load an API process makes a few ids per millisecond at most, so most ids
// start a new millisecond (fresh random bits); `spread` feeds one millisecond per id.
// `burst` makes them all at once (the monotonic counting path).
function round(generate: (time: number) => string, spread: boolean): number {
  const base = Date.now() + 1_000_000 + Math.floor(Math.random() * 1e9);
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < N; i++) sink += generate(spread ? base + i : base).length;
  const ms = performance.now() - start;
  if (sink !== N * 26) throw new Error('unexpected id length');
  return (N / ms) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
for (const spread of [true, false]) {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < 5; r++) {
    theirs.push(round((t) => ulidNext(t), spread));
    ours.push(round((t) => nextUlid(t), spread));
  }
  const mode = spread ? 'one id per millisecond' : 'burst (same millisecond)';
  console.log(`${mode}: ulid ${fmt(median(theirs))} ids/s, ordo ${fmt(median(ours))} ids/s, ratio ${(median(ours) / median(theirs)).toFixed(2)}x`);
}
