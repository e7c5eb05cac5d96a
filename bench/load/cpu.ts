import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CPU seconds per party during the measurement (Linux /proc): the Next.js server,
 * PostgreSQL (postmaster, its live backends and the ones that exited), this load
 * generator, and the whole machine, so the share of other people's work shows too.
 */
const TICK = 100;

export interface CpuSample {
  server: number;
  postgres: number;
  generator: number;
  machineBusy: number;
}

function stat(pid: number): { ppid: number; own: number; children: number } | null {
  try {
    // The command name may contain spaces; fields start after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ppid: Number(fields[1]), own: (Number(fields[11]) + Number(fields[12])) / TICK, children: (Number(fields[13]) + Number(fields[14])) / TICK };
  } catch {
    return null;
  }
}

/** A process and its descendants, counting descendants that already exited and were reaped. */
function tree(root: number): number {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const children = new Map<number, number[]>();
  const stats = new Map<number, NonNullable<ReturnType<typeof stat>>>();
  for (const pid of processes) {
    const s = stat(pid);
    if (!s) continue;
    stats.set(pid, s);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  }
  const visit = (pid: number): number => {
    const s = stats.get(pid);
    return s ? s.own + s.children + (children.get(pid) ?? []).reduce((sum, child) => sum + visit(child), 0) : 0;
  };
  return visit(root);
}

function machineBusy(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = ticks[3]! + ticks[4]!;
  return (ticks.reduce((a, b) => a + b, 0) - idle) / TICK;
}

export function sampleCpu(serverPid: number, postgresDataDir: string): CpuSample {
  const postmaster = Number(readFileSync(path.join(postgresDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const usage = process.cpuUsage();
  return { server: tree(serverPid), postgres: tree(postmaster), generator: (usage.user + usage.system) / 1e6, machineBusy: machineBusy() };
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return {
    server: after.server - before.server,
    postgres: after.postgres - before.postgres,
    generator: after.generator - before.generator,
    machineBusy: after.machineBusy - before.machineBusy,
  };
}
