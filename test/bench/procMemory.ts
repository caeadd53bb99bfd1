// Samples the memory of this process's Chromium tree from /proc (RSS and PSS) every 250 ms.

import { readdirSync, readFileSync } from "node:fs";

interface Proc {
  pid: number;
  ppid: number;
  chromium: boolean;
}

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may contain spaces; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return { pid, ppid: Number(fields[1]), chromium: /chrom/i.test(cmdline.split("\0")[0] ?? "") };
  } catch {
    return null; // exited between listing and reading
  }
}

/** Chromium processes started by this Node process, with all their descendants. */
export function chromiumTree(root = process.pid): number[] {
  const procs = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is Proc => p !== null);
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: number[] = [];
  const walk = (pid: number, inside: boolean) => {
    for (const child of children.get(pid) ?? []) {
      const isChromium = inside || child.chromium;
      if (isChromium) found.push(child.pid);
      walk(child.pid, isChromium);
    }
  };
  walk(root, false);
  return found;
}

function kb(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
  return match?.[1] ? Number(match[1]) : 0;
}

export interface MemorySample {
  rssMb: number;
  pssMb: number;
  largestRssMb: number;
}

export function sampleTree(pids: readonly number[]): MemorySample {
  let rss = 0;
  let pss = 0;
  let largest = 0;
  for (const pid of pids) {
    try {
      const processKb = kb(readFileSync(`/proc/${pid}/status`, "utf8"), "VmRSS");
      rss += processKb;
      largest = Math.max(largest, processKb);
      pss += kb(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"), "Pss");
    } catch {
      // the process exited
    }
  }
  return { rssMb: rss / 1024, pssMb: pss / 1024, largestRssMb: largest / 1024 };
}

export interface MemoryPeak extends MemorySample {
  samples: number;
}

/** Samples until `stop()`; the peak of each figure is kept (they may peak at different moments). */
export function startSampling(intervalMs = 250): { stop(): MemoryPeak } {
  const peak: MemoryPeak = { rssMb: 0, pssMb: 0, largestRssMb: 0, samples: 0 };
  const take = () => {
    const s = sampleTree(chromiumTree());
    peak.rssMb = Math.max(peak.rssMb, s.rssMb);
    peak.pssMb = Math.max(peak.pssMb, s.pssMb);
    peak.largestRssMb = Math.max(peak.largestRssMb, s.largestRssMb);
    peak.samples++;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
