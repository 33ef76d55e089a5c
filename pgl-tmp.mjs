import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
for (let i=0;i<3;i++){
const t0 = performance.now();
const db = new PGlite({extensions:{pg_trgm}});
await db.waitReady;
await db.exec('create extension if not exists pg_trgm');
console.log('ready ms', performance.now() - t0);
const t1 = performance.now();
const dump = await db.dumpDataDir('none');
console.log('dump ms', performance.now()-t1, dump.size);
const t2 = performance.now();
const db2 = new PGlite({loadDataDir: dump, extensions:{pg_trgm}});
await db2.waitReady;
console.log('load ms', performance.now()-t2, (await db2.query("select similarity('abc','abd') s")).rows);
}
