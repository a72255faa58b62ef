// CPU time from /proc, for benches: what this process and every process it started (the Temporal dev
// server, PostgreSQL and its backends) have spent so far, grouped. On a CPU-bound machine throughput
// follows this work, whatever the load of other processes.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ms used so far: this process (API, workers, clients), the Temporal server, PostgreSQL, any other child. */
export interface ProcessCpu {
  node: number;
  temporal: number;
  postgres: number;
  other: number;
}

const TICK_MS = 10; // /proc times are in clock ticks, 100 per second on Linux

/** This process's CPU and its descendants', by group; the descendants NaN where /proc cannot be read. */
export function processCpuNow(): ProcessCpu {
  const own = process.cpuUsage();
  const cpu: ProcessCpu = { node: (own.user + own.system) / 1000, temporal: 0, postgres: 0, other: 0 };
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return { ...cpu, temporal: NaN, postgres: NaN, other: NaN }; // not Linux
  }
  const children = new Map<number, { pid: number; comm: string; ticks: number }[]>();
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      // Fields after the command: state ppid ... utime(14) stime(15) cutime(16) cstime(17); cutime and
      // cstime count the children it has reaped (PostgreSQL's backends that have exited).
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), { pid: Number(pid), comm, ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) }]);
    } catch {
      // gone meanwhile
    }
  }
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      const group = c.comm.startsWith('temporal') ? 'temporal' : c.comm.startsWith('postgres') ? 'postgres' : 'other';
      cpu[group] += c.ticks * TICK_MS;
      walk(c.pid);
    }
  };
  walk(process.pid);
  return cpu;
}

/** All of it, in ms. */
export const totalCpu = (cpu: ProcessCpu) => cpu.node + cpu.temporal + cpu.postgres + cpu.other;
