// Sending a claimed batch to the outside world (SMTP, webhook receivers): a few at a time,
// and none started once the claim's lease could run out before it finishes — so another
// worker that claims the rows after the lease never sends what this one is still sending.

/**
 * Runs `send` on the items in their order, at most `lanes` at once, starting none after
 * `windowMs`; an item never started has no outcome (undefined).
 */
export async function sendWithin<T, R>(items: readonly T[], lanes: number, windowMs: number, send: (item: T) => Promise<R>): Promise<(R | undefined)[]> {
  const outcomes: (R | undefined)[] = items.map(() => undefined);
  const closesAt = performance.now() + windowMs;
  let next = 0;
  const lane = async () => {
    while (next < items.length && performance.now() < closesAt) {
      const index = next++;
      outcomes[index] = await send(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return outcomes;
}
