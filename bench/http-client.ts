// A thin JSON client over an undici keep-alive pool, for seeding and checks.
import { Pool } from 'undici';

export interface JsonResponse { status: number; body: unknown }

export class JsonClient {
  readonly pool: Pool;

  constructor(origin: string, private readonly key: string, connections = 16) {
    this.pool = new Pool(origin, { connections, pipelining: 1 });
  }

  async post(path: string, body: unknown): Promise<JsonResponse> {
    const response = await this.pool.request({
      method: 'POST', path,
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : null };
  }

  /** Posts and insists on a 2xx answer. */
  async must(path: string, body: unknown): Promise<unknown> {
    const response = await this.post(path, body);
    if (response.status >= 300) throw new Error(`POST ${path} -> ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  close(): Promise<void> { return this.pool.close(); }
}

/** Runs tasks with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++] as T);
  });
  await Promise.all(lanes);
}
