// Measures CPU used by other processes (this machine has 2 cores) and waits for it to calm down.

import { readFileSync } from "node:fs";
import { chromiumTree } from "./procMemory";

interface CpuSnapshot {
  /** All jiffies, busy and idle, over all cores. */
  all: number;
  busy: number;
  /** Busy jiffies of this process and its descendants (reaped children included). */
  mine: number;
}

function processJiffies(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime are fields 14–17 of stat, i.e. 11–14 after the command name.
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i] ?? 0), 0);
  } catch {
    return 0;
  }
}

function snapshot(): CpuSnapshot {
  const [, ...values] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
  const n = values.map(Number);
  const all = n.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const mine = [process.pid, ...chromiumTree()].reduce((sum, pid) => sum + processJiffies(pid), 0);
  return { all, busy: all - idle, mine };
}

/** Share of the machine's CPU (0–1) used by processes other than this benchmark since `start()`. */
export function startContention(): { stop(): number } {
  const before = snapshot();
  return {
    stop: () => {
      const after = snapshot();
      const all = after.all - before.all;
      const foreign = after.busy - before.busy - (after.mine - before.mine);
      return all > 0 ? Math.max(0, foreign / all) : 0;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until other processes use less than `share` of the CPU over a 3 s window (at most `maxMs`),
 * so a test run started next to the benchmark does not end up in its figures. Returns the last share.
 */
export async function waitForQuiet(share = 0.1, maxMs = 180_000): Promise<number> {
  const deadline = Date.now() + maxMs;
  let last = 1;
  let announced = false;
  while (Date.now() < deadline) {
    const window = startContention();
    await sleep(3000);
    last = window.stop();
    if (last < share) return last;
    if (!announced) {
      process.stderr.write(`[bench] other processes use ${(last * 100).toFixed(0)} % of the CPU; waiting…\n`);
      announced = true;
    }
  }
  process.stderr.write(
    `[bench] still ${(last * 100).toFixed(0)} % busy after ${maxMs / 1000} s; measuring anyway\n`,
  );
  return last;
}
