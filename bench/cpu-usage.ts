// Where the machine's CPU went during a measured window: the Ordo server processes,
// the PostgreSQL backends serving the benchmark database, this load generator, and
// everything else (other databases, PostgreSQL's WAL writer and checkpointer, other
// people's work). On a shared 2-core machine the last column says whether a number can
// be trusted. Linux only (reads /proc); elsewhere it reports nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

export interface CpuSplit { server: number; postgres: number; bench: number; other: number }

interface ProcessTicks { comm: string; ppid: number; ticks: number; cmdline: string }
interface Snapshot { at: number; busyTicks: number; byPid: Map<number, ProcessTicks> }

function readSnapshot(): Snapshot | null {
  if (!existsSync('/proc/stat')) return null;
  const cpuLine = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const fields = cpuLine.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const busyTicks = fields.reduce((a, b) => a + b, 0) - (fields[3] ?? 0) - (fields[4] ?? 0);
  const byPid = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const rest = stat.slice(close + 2).split(' ');
      // A backend's title ("postgres: user database host(port) state") names its database.
      const cmdline = comm === 'postgres' ? readFileSync(`/proc/${entry}/cmdline`, 'utf8') : '';
      byPid.set(Number(entry), { comm, ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]), cmdline });
    } catch { /* the process ended while we looked */ }
  }
  return { at: performance.now(), busyTicks, byPid };
}

/**
 * Starts measuring; `stop()` returns cores used per group over the window. Call it
 * before closing connections: a backend that has exited takes its ticks with it.
 */
export function measureCpu(serverRootPids: readonly number[], database: string): { stop(): CpuSplit | null } {
  const start = readSnapshot();
  return {
    stop() {
      const end = readSnapshot();
      if (!start || !end) return null;
      const seconds = (end.at - start.at) / 1000;
      const serverPids = new Set<number>();
      for (const pid of serverRootPids) serverPids.add(pid);
      // Cluster workers are children of the primary.
      if (serverPids.size > 0) for (const [pid, p] of end.byPid) if (serverPids.has(p.ppid)) serverPids.add(pid);
      const delta = (pid: number) => Math.max(0, (end.byPid.get(pid)?.ticks ?? 0) - (start.byPid.get(pid)?.ticks ?? 0));
      let server = 0; let postgres = 0; let bench = 0;
      for (const [pid, p] of end.byPid) {
        if (serverPids.has(pid)) server += delta(pid);
        else if (p.comm === 'postgres' && p.cmdline.includes(` ${database} `)) postgres += delta(pid);
        else if (pid === process.pid) bench += delta(pid);
      }
      const total = end.busyTicks - start.busyTicks;
      const cores = (ticks: number) => ticks / CLOCK_TICKS_PER_SECOND / seconds;
      return { server: cores(server), postgres: cores(postgres), bench: cores(bench), other: Math.max(0, cores(total - server - postgres - bench)) };
    },
  };
}

/** Cores per group, and CPU milliseconds per order for the server and the database. */
export function describeCpu(split: CpuSplit | null, ordersPerSecond: number): string {
  if (!split) return '';
  const perOrder = (cores: number) => (ordersPerSecond > 0 ? (cores * 1000) / ordersPerSecond : Number.NaN).toFixed(2);
  return `  cores: server ${split.server.toFixed(2)}, db ${split.postgres.toFixed(2)}, bench ${split.bench.toFixed(2)}, other ${split.other.toFixed(2)}` +
    `; cpu ms/order: server ${perOrder(split.server)}, db ${perOrder(split.postgres)}`;
}
