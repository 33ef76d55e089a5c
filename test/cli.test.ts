// The `ordo` command on a real embedded database in a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/index.ts';

function ordo(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, ORDO_DATA_DIR: dataDir, DATABASE_URL: '', ORDO_ADMIN_KEY: '' }, encoding: 'utf8', timeout: 120_000,
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

test('migrate, keys create, seed and inventory verify (clean, then drift exits 1)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-cli-'));
  try {
    assert.match(ordo(dir, 'migrate').out, /applied: 0001_foundation\.sql|up to date/);
    const key = ordo(dir, 'keys', 'create', '--role', 'warehouse', '--name', 'scanner');
    assert.equal(key.status, 0, key.out);
    assert.match(key.out, /^ordo_sk_[A-Za-z0-9_-]{32}\s*$/);
    assert.notEqual(ordo(dir, 'keys', 'create', '--role', 'wizard').status, 0);
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
      import { openDatabase } from './src/platform/db/index.ts';
      import { seedDemo } from './src/seed/index.ts';
      const db = await openDatabase({ dataDir: ${JSON.stringify(dir)} });
      console.log(JSON.stringify(await seedDemo(db.kysely, { days: 3, ordersPerDay: 4, customers: 20 })));
      await db.close();`], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(seeded.status, 0, seeded.stderr);
    const verified = ordo(dir, 'inventory', 'verify');
    assert.equal(verified.status, 0, verified.out);
    assert.match(verified.out, /inventory verified/);

    // Break the books behind the API's back: the reconciler must notice.
    const db = await openDatabase({ dataDir: dir });
    await sql`update inventory_levels set on_hand = on_hand + 1 where (product_id, location_id) = (select product_id, location_id from inventory_levels order by 1, 2 limit 1)`.execute(db.kysely);
    await db.close();
    const drift = ordo(dir, 'inventory', 'verify');
    assert.equal(drift.status, 1, drift.out);
    assert.match(drift.out, /drift in 1 level/);
    assert.match(drift.out, /on_hand \d+ != ledger \d+/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
