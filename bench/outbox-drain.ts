// Whether the events kept up with the orders. Every order writes an outbox row that the
// server's relay turns into e-mails, webhook deliveries and NATS messages after commit,
// and the sender then sends the e-mail. A relay or sender slower than intake builds a
// backlog during a peak (confirmation e-mails late by minutes), which throughput alone
// would hide; and a backlog left over from one window would be worked off during the next
// one and disturb it (the ceiling's windows read lower while the e-mails of the Ordo
// window before were still being sent). So after each Ordo window the benchmark
// reports the events not yet relayed and waits (up to a limit) until no event and no
// e-mail is waiting.
import pg from 'pg';

export interface OutboxDrain {
  /** Outbox rows not yet relayed when the load stopped. */
  backlog: number;
  /** Seconds from the end of the load until no outbox row and no e-mail was waiting (null: not within the limit). */
  drainSeconds: number | null;
  /** Outbox rows and e-mails still waiting when the wait gave up. */
  left: number;
}

const POLL_MS = 250;

async function pendingEvents(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>('select count(*) as n from outbox where published_at is null and failed_at is null');
  return Number(rows[0]?.n ?? 0);
}

/** Outbox rows not yet relayed plus e-mails due and not yet sent (or logged). */
async function pending(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("select count(*) as n from notifications where status = 'pending' and next_attempt_at <= now()");
  return (await pendingEvents(client)) + Number(rows[0]?.n ?? 0);
}

/** Counts the waiting rows now, then polls until none is left or `limitSeconds` passed. */
export async function waitForOutboxDrain(url: string, limitSeconds: number): Promise<OutboxDrain> {
  const client = new pg.Client({ connectionString: url, application_name: 'ordo-bench-drain' });
  await client.connect();
  try {
    const started = performance.now();
    const backlog = await pendingEvents(client);
    let left = await pending(client);
    while (left > 0 && performance.now() - started < limitSeconds * 1000) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      left = await pending(client);
    }
    return { backlog, left, drainSeconds: left === 0 ? (performance.now() - started) / 1000 : null };
  } finally {
    await client.end();
  }
}

export function describeDrain(d: OutboxDrain): string {
  const waiting = `events waiting when the load stopped: ${d.backlog.toLocaleString('en-US')}`;
  const after = d.drainSeconds === null ? `, ${d.left.toLocaleString('en-US')} still waiting after the drain limit`
    : `, all relayed and e-mails sent ${d.drainSeconds.toFixed(1)} s later`;
  return `          ${waiting}${after}`;
}
