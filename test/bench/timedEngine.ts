// Wraps a SqlEngine to time every statement, so an import can be broken down into its SQL steps.

import type { SqlEngine } from "../../src/db/engine";

export interface StepTime {
  step: string;
  ms: number;
}

/** A short, stable name for a statement: the table it creates, fills, drops or reads. */
export function stepName(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  // Per-import counters (import_raw_3) would split one step into many names.
  const table = (name: string | undefined) => (name ?? "?").replaceAll('"', "").replace(/_\d+$/, "_N");
  const created = /^CREATE (?:OR REPLACE )?TABLE (?:IF NOT EXISTS )?("?\w+"?)/i.exec(text);
  if (created) return `${table(created[1])}${/read_csv/i.test(text) ? " (read_csv)" : ""}`;
  const written = /^(INSERT INTO|DELETE FROM|UPDATE) ("?\w+"?)/i.exec(text);
  if (written) return `${written[1]?.split(" ")[0]?.toLowerCase()} ${table(written[2])}`;
  if (/^(DROP|ALTER|BEGIN|COMMIT|ROLLBACK)/i.test(text)) return "swap / drop";
  if (/DESCRIBE/i.test(text)) return "describe";
  const read = /FROM ("?\w+"?)/i.exec(text);
  return read ? `query ${table(read[1])}` : text.slice(0, 40);
}

export interface TimedEngine extends SqlEngine {
  /** Statement times since the last `reset()`, in order. */
  readonly steps: StepTime[];
  reset(): void;
}

/** `name` labels each statement (default: the table it builds or reads, stepName). */
export function timed(engine: SqlEngine, name: (sql: string) => string = stepName): TimedEngine {
  const steps: StepTime[] = [];
  const time = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      steps.push({ step: name(sql), ms: performance.now() - started });
    }
  };
  return {
    steps,
    reset: () => {
      steps.length = 0;
    },
    query: (sql, params) => time(sql, () => engine.query(sql, params)),
    exec: (sql, params) => time(sql, () => engine.exec(sql, params)),
    registerFile: (name, source) => time("register file", () => engine.registerFile(name, source)),
    dropFile: (name) => engine.dropFile(name),
    readFile: (name) => engine.readFile(name),
    cancel: () => engine.cancel(),
  };
}

/** Adds up repeated steps (e.g. all "swap / drop" statements) keeping first-seen order. */
export function sumSteps(steps: readonly StepTime[]): StepTime[] {
  const totals = new Map<string, number>();
  for (const { step, ms } of steps) totals.set(step, (totals.get(step) ?? 0) + ms);
  return [...totals].map(([step, ms]) => ({ step, ms }));
}
