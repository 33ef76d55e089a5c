// State machines are data: a table of allowed moves, checked by one function, so the
// table can be tested exhaustively and read at a glance.

export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

/** True when the table allows moving from `from` to `to`. */
export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

/** Every state reachable from `start` by allowed moves. */
export function reachableStates<S extends string>(table: TransitionTable<S>, start: S): Set<S> {
  const seen = new Set<S>([start]);
  const queue: S[] = [start];
  while (queue.length > 0) {
    const state = queue.shift() as S;
    for (const next of table[state]) {
      if (!seen.has(next)) { seen.add(next); queue.push(next); }
    }
  }
  return seen;
}
