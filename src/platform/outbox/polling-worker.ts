// A background loop for the outbox relay and the senders: run a pass, run again at once
// while passes come back full (a backlog), otherwise wait an interval. One pass at a
// time per worker; stop() waits for the pass in flight, so shutdown never cuts one short.

export interface WorkerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PollingWorker {
  /** Stops the loop; resolves once the pass in flight (if any) is done. */
  stop(): Promise<void>;
}

export interface PollingOptions {
  name: string;
  intervalMs: number;
  /** A pass that handled this many items is taken as "more may be waiting". */
  batchSize: number;
  log: WorkerLogger;
}

/** Starts the loop; `pass` returns how many items it handled. */
export function startPollingWorker(pass: () => Promise<number>, options: PollingOptions): PollingWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(run, delayMs);
    timer.unref();
  };
  function run() {
    timer = null;
    inFlight = (async () => {
      let handled = 0;
      try {
        handled = await pass();
      } catch (error) {
        options.log.error({ err: error, worker: options.name }, 'background pass failed');
      }
      // A full batch means a backlog: go again at once (after other work had a turn).
      schedule(handled >= options.batchSize ? 0 : options.intervalMs);
    })();
  }
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
