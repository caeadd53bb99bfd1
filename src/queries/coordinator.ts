// One door for every metric (after Mosaic's Coordinator/QueryManager): views name a metric and its
// parameters; the coordinator alone holds the engine. It runs one statement at a time in priority
// order (the screen on show first, background refreshes after), shares identical questions, caches
// answers by (metric, the context it uses, parameters) for the loaded data version, and stops work
// nobody waits for any more — dropped from the queue, or interrupted in the worker when running.

import type { SqlEngine, SqlValue } from "../db/engine";
import { QueryCancelled } from "../db/errors";
import type { Metric, MetricContext } from "../metrics/metric";
import { countIn } from "../model/counting";

/** "visible": a screen on show is waiting. "background": refreshing an answer for later. */
export type Priority = "visible" | "background";
const RANK: Record<Priority, number> = { visible: 0, background: 1 };

export interface CachedAnswer<T> {
  value: T;
  /** Saved by an earlier visit (or computed at build time for the sample) and not yet re-confirmed. */
  fromLastVisit: boolean;
}

interface Job {
  key: string;
  priority: Priority;
  controller: AbortController;
  waiting: number;
  answer: Promise<unknown>;
}

interface Statement {
  job: Job;
  seq: number;
  /** Cleanup (dropping a temporary table) runs even for a cancelled job. */
  cleanup: boolean;
  /** Once started it runs to its end, never interrupted for a visible statement (upkeep's short writes). */
  uninterrupted?: boolean;
  run: (engine: SqlEngine) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Interrupted to let a visible statement go first: it goes back in the queue, not to its caller. */
  preempted?: boolean;
  /** Times it came back cancelled though nobody cancelled it (a cancel racing its start): retried. */
  retries?: number;
}

/** JSON with object keys sorted, so equal parameters give equal keys whatever their key order. */
export function stableJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}

/**
 * Filters that select the same leads get the same key: an empty list is "all", value order is not;
 * without a period both ways of counting are the same question.
 */
function canonical(ctx: MetricContext): MetricContext {
  const segments = Object.fromEntries(
    Object.entries(ctx.filters.segments)
      .filter(([, values]) => values && values.length > 0)
      .map(([dimension, values]) => [dimension, [...new Set(values)].sort()]),
  );
  return { ...ctx, filters: { ...ctx.filters, segments }, count: countIn(ctx.filters, ctx.count) };
}

/** The length of `value` as JSON (BigInts as numbers), to keep saved answers within a budget. */
function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? Number(v) : v))?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function queryKey<P, T>(metric: Metric<P, T>, ctx: MetricContext, params: P): string {
  const same = canonical(ctx);
  const used = Object.fromEntries(metric.uses.map((part) => [part, same[part]]));
  return `${metric.id}|${stableJson(used)}|${stableJson(params)}`;
}

export class QueryCoordinator {
  private readonly cache = new Map<string, CachedAnswer<unknown>>();
  private readonly jobs = new Map<string, Job>();
  private queue: Statement[] = [];
  private running: Statement | null = null;
  private dataVersion: string | null = null;
  /** False while the data of this version is still being loaded: questions queue, nothing runs. */
  private loaded = true;
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  /** Statements sent to the engine, and those interrupted there (for tests and the benchmark). */
  readonly stats = { sent: 0, interrupted: 0, cacheHits: 0 };

  constructor(private readonly engine: () => Promise<SqlEngine>) {}

  /**
   * The data the answers are about. A new version (an import, a re-derive) forgets every answer
   * and stops every question about the old data. `loaded` false: the data is still being loaded into
   * the engine; questions wait (answers primed from a last visit can be shown meanwhile).
   */
  setDataVersion(version: string | null, loaded = true): void {
    const wasLoaded = this.loaded;
    this.loaded = loaded;
    if (version === this.dataVersion) {
      if (loaded && !wasLoaded) void this.pump();
      return;
    }
    this.dataVersion = version;
    this.cache.clear();
    for (const job of this.jobs.values()) this.abort(job);
    this.jobs.clear();
    if (loaded) void this.pump();
  }

  /** Called whenever a newly confirmed answer is kept (e.g. to save the answers for a next visit). */
  onAnswer(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get currentDataVersion(): string | null {
    return this.dataVersion;
  }

  cached<P, T>(metric: Metric<P, T>, ctx: MetricContext, params: P): CachedAnswer<T> | undefined {
    return this.cache.get(queryKey(metric, ctx, params)) as CachedAnswer<T> | undefined;
  }

  /** Answers kept from a last visit, shown at once and marked until the engine confirms them. */
  prime(version: string, entries: Iterable<readonly [string, unknown]>): void {
    if (version !== this.dataVersion) return;
    for (const [key, value] of entries)
      if (!this.cache.has(key)) this.cache.set(key, { value, fromLastVisit: true });
  }

  /**
   * The confirmed answers, most recently used first, for saving with the workspace: at most
   * `maxEntries`, and no more than `maxChars` of JSON in all (one answer too large is skipped).
   */
  confirmedAnswers(limits: { maxEntries?: number; maxChars?: number } = {}): [string, unknown][] {
    const { maxEntries = Number.POSITIVE_INFINITY, maxChars = Number.POSITIVE_INFINITY } = limits;
    const kept: [string, unknown][] = [];
    let chars = 0;
    for (const [key, answer] of [...this.cache].reverse()) {
      if (kept.length >= maxEntries) break;
      if (answer.fromLastVisit) continue;
      const size = key.length + jsonSize(answer.value);
      if (chars + size > maxChars) continue;
      chars += size;
      kept.push([key, answer.value]);
    }
    return kept;
  }

  /** Keeps `key` last in the cache's order (the order is recency: confirmedAnswers keeps the latest). */
  private keep(key: string, answer: CachedAnswer<unknown>): void {
    this.cache.delete(key);
    this.cache.set(key, answer);
  }

  /**
   * The answer to `metric` for `ctx` and `params`: from the cache when confirmed, else computed once
   * however many callers ask meanwhile. Rejects with QueryCancelled when `signal` aborts first; the
   * computation stops when no caller waits any more.
   */
  ask<P, T>(
    metric: Metric<P, T>,
    ctx: MetricContext,
    params: P,
    options: { priority?: Priority; signal?: AbortSignal } = {},
  ): Promise<T> {
    const key = queryKey(metric, ctx, params);
    const hit = this.cache.get(key);
    if (hit && !hit.fromLastVisit) {
      this.stats.cacheHits++;
      this.keep(key, hit);
      return Promise.resolve(hit.value as T);
    }
    const priority = options.priority ?? "visible";
    let job = this.jobs.get(key);
    if (!job) job = this.start(key, metric, ctx, params, priority);
    else if (RANK[priority] < RANK[job.priority]) this.promote(job, priority);
    const shared = job;
    shared.waiting++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener("abort", onAbort);
        shared.waiting--;
      };
      const onAbort = () => {
        leave();
        reject(new QueryCancelled());
        if (shared.waiting === 0) this.abort(shared);
      };
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener("abort", onAbort);
      shared.answer.then(
        (value) => {
          if (settled) return;
          leave();
          resolve(value as T);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          reject(error);
        },
      );
    });
  }

  /**
   * Work the app does for itself after a load — the data-quality audit, the workspace save — through the
   * same queue as the screens' questions, at background priority: a screen's statement goes first. A
   * query of it that is running is interrupted for a screen's statement and run again after it; a write
   * (`exec`: the save's COPY statements, each a slice of a table) runs to its end, since stopping one only
   * throws its work away. Files are registered, read and dropped in turn too. Any statement cancelled by
   * someone else (an import's Cancel stops whatever runs) is run again, so each must be safe to repeat: a
   * SELECT, a COPY that rewrites its file. It is not about one data version: a new import does not stop it.
   */
  upkeep<T>(work: (engine: SqlEngine) => Promise<T>): Promise<T> {
    const job: Job = {
      key: `upkeep#${++this.seq}`,
      priority: "background",
      controller: new AbortController(),
      waiting: 1,
      answer: Promise.resolve(),
    };
    const inTurn = <R>(run: (engine: SqlEngine) => Promise<R>, uninterrupted = false) =>
      this.schedule(job, false, run, uninterrupted) as Promise<R>;
    // Sent as the screens' statements are (on their connection, reading committed data only).
    const statement = <R extends object>(sql: string, params: readonly SqlValue[], uninterrupted = false) =>
      inTurn((engine) => engine.query<R>(sql, params, { interruptible: true }), uninterrupted);
    return work({
      query: <R extends object>(sql: string, params: readonly SqlValue[] = []) => statement<R>(sql, params),
      exec: async (sql, params = []) => {
        await statement(sql, params, true);
      },
      registerFile: (name, source) => inTurn((engine) => engine.registerFile(name, source), true),
      dropFile: (name) => inTurn((engine) => engine.dropFile(name), true),
      readFile: (name) => inTurn((engine) => engine.readFile(name), true),
      // Upkeep is not abandoned halfway; a screen's question only pauses it.
      cancel: async () => undefined,
    });
  }

  private start<P, T>(
    key: string,
    metric: Metric<P, T>,
    ctx: MetricContext,
    params: P,
    priority: Priority,
  ): Job {
    const version = this.dataVersion;
    const job: Job = {
      key,
      priority,
      controller: new AbortController(),
      waiting: 0,
      answer: Promise.resolve(),
    };
    const scoped = this.scopedEngine(job);
    job.answer = metric.run(scoped, ctx, params).then(
      (value) => {
        this.finish(job);
        if (!job.controller.signal.aborted && version === this.dataVersion) {
          this.keep(key, { value, fromLastVisit: false });
          for (const listener of this.listeners) listener();
        }
        return value;
      },
      (error: unknown) => {
        this.finish(job);
        throw job.controller.signal.aborted ? new QueryCancelled() : error;
      },
    );
    // A job nobody waits for any more still settles; its rejection is not an unhandled one.
    job.answer.catch(() => undefined);
    this.jobs.set(key, job);
    return job;
  }

  /** The engine a metric sees: each statement waits its turn and is bound to the job's fate. */
  private scopedEngine(job: Job): SqlEngine {
    const statement = <R>(sql: string, params: readonly SqlValue[]) =>
      this.schedule(job, /^\s*DROP\s/i.test(sql), (engine) =>
        engine.query<R & object>(sql, params, { interruptible: true }),
      ) as Promise<R[]>;
    const notHere = () => Promise.reject(new Error("Metrics read tables; files are the importer's"));
    return {
      query: <R extends object>(sql: string, params: readonly SqlValue[] = []) => statement<R>(sql, params),
      exec: async (sql, params = []) => {
        await statement(sql, params);
      },
      registerFile: notHere,
      dropFile: notHere,
      readFile: notHere,
      cancel: async () => this.abort(job),
    };
  }

  /** Whether `running` may be interrupted so a statement of `priority` goes first. */
  private yieldsTo(running: Statement | null, priority: Priority): running is Statement {
    return (
      running !== null &&
      RANK[priority] < RANK[running.job.priority] &&
      !running.cleanup &&
      !running.uninterrupted
    );
  }

  private schedule(
    job: Job,
    cleanup: boolean,
    run: (engine: SqlEngine) => Promise<unknown>,
    uninterrupted = false,
  ): Promise<unknown> {
    if (job.controller.signal.aborted && !cleanup) return Promise.reject(new QueryCancelled());
    return new Promise((resolve, reject) => {
      this.queue.push({ job, seq: ++this.seq, cleanup, uninterrupted, run, resolve, reject });
      const running = this.running;
      // A visible question does not wait behind a long background one: interrupt it, run it later.
      if (this.yieldsTo(running, job.priority)) {
        running.preempted = true;
        this.interrupt(running);
      }
      void this.pump();
    });
  }

  private next(): Statement | undefined {
    // While a question for the screen on show is unanswered, background work waits even between that
    // question's statements (its next one is asked a few microtasks after the last answer).
    const visibleBusy = [...this.jobs.values()].some((job) => job.priority === "visible");
    let best = -1;
    for (let i = 0; i < this.queue.length; i++) {
      const s = this.queue[i] as Statement;
      if (visibleBusy && !s.cleanup && s.job.priority === "background") continue;
      const b = this.queue[best] as Statement | undefined;
      // Cleanup first (it frees memory and is quick), then by priority, then in order asked.
      if (
        !b ||
        Number(!s.cleanup) < Number(!b.cleanup) ||
        (s.cleanup === b.cleanup &&
          (RANK[s.job.priority] < RANK[b.job.priority] ||
            (RANK[s.job.priority] === RANK[b.job.priority] && s.seq < b.seq)))
      )
        best = i;
    }
    return best < 0 ? undefined : this.queue.splice(best, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running || !this.loaded) return;
    const statement = this.next();
    if (!statement) return;
    this.running = statement;
    try {
      const engine = await this.engine();
      // Preempted before it reached the engine (a screen's question asked in the same tick, e.g. the
      // filter bar's background counts and the screen's answer from one filter change): an interrupt
      // sent now would find nothing running in the engine and be lost, and the screen would wait
      // for the whole background statement (measured: the Pipeline's first filter change, 2.5 s).
      if (statement.preempted) {
        statement.preempted = false;
        this.queue.push(statement);
        return;
      }
      // Likewise a question nobody waits for any more: it is not sent at all.
      if (statement.job.controller.signal.aborted && !statement.cleanup) {
        statement.reject(new QueryCancelled());
        return;
      }
      this.stats.sent++;
      statement.resolve(await statement.run(engine));
    } catch (error) {
      const wanted = !statement.job.controller.signal.aborted;
      if (
        error instanceof QueryCancelled &&
        wanted &&
        (statement.preempted || (statement.retries ?? 0) < 2)
      ) {
        if (!statement.preempted) statement.retries = (statement.retries ?? 0) + 1;
        statement.preempted = false;
        this.queue.push(statement);
      } else statement.reject(error);
    } finally {
      this.running = null;
      void this.pump();
    }
  }

  /** A question answered or failed: background work it held back may go. */
  private finish(job: Job): void {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    void this.pump();
  }

  private promote(job: Job, priority: Priority): void {
    job.priority = priority;
    const running = this.running;
    if (this.yieldsTo(running, priority) && running.job !== job) {
      running.preempted = true;
      this.interrupt(running);
    }
  }

  private abort(job: Job): void {
    if (job.controller.signal.aborted) return;
    job.controller.abort();
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    const dropped = this.queue.filter((s) => s.job === job && !s.cleanup);
    this.queue = this.queue.filter((s) => s.job !== job || s.cleanup);
    for (const s of dropped) s.reject(new QueryCancelled());
    if (this.running?.job === job && !this.running.cleanup) this.interrupt(this.running);
    void this.pump();
  }

  /** Stops `statement` in the engine, if it is still the one running once the engine is reached. */
  private interrupt(statement: Statement): void {
    this.stats.interrupted++;
    void this.engine().then((engine) => {
      if (this.running === statement) return engine.cancel();
    });
  }
}
