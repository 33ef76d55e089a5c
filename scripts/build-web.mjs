// Builds the web app into web/dist with Vite. `--if-stale` skips the build when
// web/dist is newer than every source file (so `npm start` stays quick). `--tolerant`
// (for `npm start`) never fails: without the build tools (a production install) or
// after a failed build the server still starts, and says the web app is missing.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const WEB = 'web';
const DIST_INDEX = join(WEB, 'dist', 'index.html');
const ifStale = process.argv.includes('--if-stale');
const tolerant = process.argv.includes('--tolerant');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

const fresh = () => existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= Math.max(newestSource(WEB), statSync('package-lock.json').mtimeMs);
if (ifStale && fresh()) process.exit(0);

// Test files run in parallel and may all ask for a build: one builds, the others wait
// for it and then find the build fresh.
const LOCK = join(WEB, '.build-lock');
const LOCK_WAIT_MS = 120_000;
const waitStarted = Date.now();
for (;;) {
  try { mkdirSync(LOCK); break; } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (Date.now() - statSync(LOCK).mtimeMs > LOCK_WAIT_MS) { rmSync(LOCK, { recursive: true, force: true }); continue; }
    if (Date.now() - waitStarted > LOCK_WAIT_MS) { console.error(`web app: ${LOCK} is held too long`); process.exit(1); }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
process.on('exit', () => rmSync(LOCK, { recursive: true, force: true }));
if (ifStale && fresh()) process.exit(0);

let viteBin;
try {
  viteBin = join(createRequire(import.meta.url).resolve('vite/package.json'), '..', 'bin', 'vite.js');
} catch {
  const message = 'web app: vite is not installed (npm install without --omit=dev builds it)';
  if (tolerant) { console.warn(`${message}; starting without building it.`); process.exit(0); }
  console.error(message);
  process.exit(1);
}

console.log('Building the web app (web/dist)…');
const result = spawnSync(process.execPath, [viteBin, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
if (result.status !== 0) {
  console.error('web app: the build failed');
  process.exit(tolerant ? 0 : result.status ?? 1);
}
