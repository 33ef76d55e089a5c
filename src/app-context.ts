// What every module's routes receive: the database and the configuration. Passed
// explicitly (no container), so a function's needs are visible in its signature.
import type { Config } from './config.ts';
import type { Db } from './platform/db/index.ts';
import type { KeyAuthenticator } from './modules/access/index.ts';

export interface AppContext {
  db: Db;
  config: Config;
  authenticator: KeyAuthenticator;
}
