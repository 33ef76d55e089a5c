import { PGlite } from '@electric-sql/pglite';
const db = new PGlite();
await db.waitReady;
try { console.log((await db.query('select $1::text[] as a, 1 = any($2::int[]) as b', [['x', 'y"z'], [1, 2]])).rows); } catch (e) { console.log('array param failed', (e as Error).message); }
console.log((await db.query(`select json_build_object('a', 1::int8, 'b', 'x') as j, coalesce(json_agg(1), '[]'::json) as k`)).rows);
