// A SqlEngine whose statements wait until the test answers them, to watch the coordinator's order,
// sharing and cancellation. `cancel()` interrupts the statement in flight, as the browser engine's does
// for an interruptible query.

import type { QueryOptions, SqlEngine, SqlValue } from "../../src/db/engine";
import { QueryCancelled } from "../../src/db/errors";

export interface Pending {
  sql: string;
  params: readonly SqlValue[];
  interruptible: boolean;
  answer(rows: object[]): void;
  fail(error: unknown): void;
}

export function fakeEngine() {
  const pending: Pending[] = [];
  const log: string[] = [];
  let cancels = 0;
  const engine: SqlEngine = {
    query: <R extends object>(sql: string, params: readonly SqlValue[] = [], options: QueryOptions = {}) =>
      new Promise<R[]>((resolve, reject) => {
        log.push(sql);
        pending.push({
          sql,
          params,
          interruptible: options.interruptible ?? false,
          answer: (rows) => resolve(rows as R[]),
          fail: reject,
        });
      }),
    exec: async () => {},
    registerFile: async () => {},
    dropFile: async () => {},
    readFile: async () => new Uint8Array(),
    cancel: async () => {
      cancels++;
      const running = pending.find((p) => p.interruptible);
      if (running) {
        pending.splice(pending.indexOf(running), 1);
        running.fail(new QueryCancelled());
      }
    },
  };
  /** Answers the oldest statement in flight (there is at most one) with `rows`. */
  const answerNext = async (rows: object[]) => {
    await flush();
    const next = pending.shift();
    if (!next) throw new Error("No statement is waiting");
    next.answer(rows);
    await flush();
    return next;
  };
  return { engine, pending, log, answerNext, cancels: () => cancels };
}

/** Lets every queued promise callback run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
