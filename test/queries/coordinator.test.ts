// The coordinator: one statement at a time in priority order, shared questions, a cache per data
// version, and work nobody waits for stopped — dropped from the queue or interrupted in the engine.

import { describe, expect, it } from "vitest";
import { QueryCancelled } from "../../src/db/errors";
import { defineMetric, type MetricContext } from "../../src/metrics/metric";
import { QueryCoordinator, queryKey, stableJson } from "../../src/queries/coordinator";
import { fakeEngine, flush } from "./fakeEngine";

const ctx = (from: string | null = null): MetricContext => ({
  filters: { segments: {}, from, to: null },
  windowDays: null,
  stalledDays: 30,
});

/** Two statements per answer, like a metric that reads what the data tracks first. */
const twoStep = defineMetric("two-step", ["filters"], async (engine, c, params: { tag: string }) => {
  const [first] = await engine.query<{ n: number }>(`first ${params.tag}`, [c.filters.from ?? "all"]);
  const [second] = await engine.query<{ n: number }>(`second ${params.tag}`);
  return `${params.tag}:${first?.n}+${second?.n}`;
});
const ignoresFilters = defineMetric("as-of", [], async (engine) => {
  const [row] = await engine.query<{ day: string }>("as of");
  return row?.day ?? null;
});
const withTemp = defineMetric("temp", ["filters"], async (engine) => {
  await engine.exec("CREATE TEMP TABLE t_1 AS SELECT 1");
  try {
    return await engine.query("SELECT * FROM t_1");
  } finally {
    await engine.exec("DROP TABLE IF EXISTS t_1");
  }
});

function setup() {
  const fake = fakeEngine();
  const coordinator = new QueryCoordinator(async () => fake.engine);
  coordinator.setDataVersion("1");
  return { ...fake, coordinator };
}

describe("cache keys", () => {
  it("ignore key order in parameters and the context parts a metric does not use", () => {
    expect(stableJson({ b: 1, a: [2, { d: 3, c: null }] })).toBe(
      stableJson({ a: [2, { c: null, d: 3 }], b: 1 }),
    );
    expect(queryKey(ignoresFilters, ctx("2025-01-01"), undefined)).toBe(
      queryKey(ignoresFilters, ctx(), undefined),
    );
    expect(queryKey(twoStep, ctx("2025-01-01"), { tag: "a" })).not.toBe(
      queryKey(twoStep, ctx(), { tag: "a" }),
    );
    // The same leads, however the filters are written: an emptied filter is "all", order is not a filter.
    const written = (segments: Record<string, string[]>) =>
      queryKey(twoStep, { ...ctx(), filters: { segments, from: null, to: null } }, { tag: "a" });
    expect(written({ channel: [] })).toBe(written({}));
    expect(written({ team: ["B", "A"] })).toBe(written({ team: ["A", "B"] }));
    expect(written({ team: ["A"] })).not.toBe(written({ channel: ["A"] }));
  });
});

describe("the query coordinator", () => {
  it("runs statements one at a time, interruptibly, and caches the answer for the data version", async () => {
    const { coordinator, pending, log, answerNext } = setup();
    const answer = coordinator.ask(twoStep, ctx(), { tag: "a" });
    await flush();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.interruptible).toBe(true);
    expect(pending[0]?.params).toEqual(["all"]);
    await answerNext([{ n: 1 }]);
    await answerNext([{ n: 2 }]);
    expect(await answer).toBe("a:1+2");
    // Asked again: from the cache, nothing sent.
    expect(await coordinator.ask(twoStep, ctx(), { tag: "a" })).toBe("a:1+2");
    expect(log).toEqual(["first a", "second a"]);
    expect(coordinator.cached(twoStep, ctx(), { tag: "a" })).toEqual({
      value: "a:1+2",
      fromLastVisit: false,
    });
    // New data: the cache is forgotten.
    coordinator.setDataVersion("2");
    expect(coordinator.cached(twoStep, ctx(), { tag: "a" })).toBeUndefined();
  });

  it("asks the engine once for the same question asked twice at the same time", async () => {
    const { coordinator, log, answerNext } = setup();
    const one = coordinator.ask(twoStep, ctx(), { tag: "a" });
    const two = coordinator.ask(twoStep, ctx(), { tag: "a" });
    await answerNext([{ n: 1 }]);
    await answerNext([{ n: 2 }]);
    expect(await Promise.all([one, two])).toEqual(["a:1+2", "a:1+2"]);
    expect(log).toEqual(["first a", "second a"]);
  });

  it("runs the screen on show before background refreshes, whatever the order asked", async () => {
    const { coordinator, log, answerNext } = setup();
    const later = coordinator.ask(twoStep, ctx(), { tag: "bg" }, { priority: "background" });
    await flush();
    const now = coordinator.ask(twoStep, ctx(), { tag: "fg" });
    // The background statement already in flight is interrupted and goes back in the queue.
    await flush();
    expect(log).toEqual(["first bg", "first fg"]);
    await answerNext([{ n: 1 }]);
    await answerNext([{ n: 2 }]);
    expect(await now).toBe("fg:1+2");
    await answerNext([{ n: 3 }]);
    await answerNext([{ n: 4 }]);
    expect(await later).toBe("bg:3+4");
    expect(log).toEqual(["first bg", "first fg", "second fg", "first bg", "second bg"]);
  });

  it("sends the screen's question first when a background one was asked in the same tick", async () => {
    // One filter change asks the filter bar's counts (background) and the screen's answer (visible) in
    // one effects flush: the background statement must not reach the engine first, where an interrupt
    // sent before it started would be lost and the screen would wait for all of it.
    const { coordinator, log, answerNext, cancels } = setup();
    const later = coordinator.ask(twoStep, ctx(), { tag: "bg" }, { priority: "background" });
    const now = coordinator.ask(twoStep, ctx(), { tag: "fg" });
    await flush();
    expect(log).toEqual(["first fg"]);
    expect(cancels()).toBe(0);
    await answerNext([{ n: 1 }]);
    await answerNext([{ n: 2 }]);
    expect(await now).toBe("fg:1+2");
    await answerNext([{ n: 3 }]);
    await answerNext([{ n: 4 }]);
    expect(await later).toBe("bg:3+4");
    expect(log).toEqual(["first fg", "second fg", "first bg", "second bg"]);
  });

  it("never sends a statement whose question was dropped before it reached the engine", async () => {
    const { coordinator, log } = setup();
    const controller = new AbortController();
    const dropped = coordinator.ask(twoStep, ctx(), { tag: "old" }, { signal: controller.signal });
    controller.abort();
    await expect(dropped).rejects.toBeInstanceOf(QueryCancelled);
    await flush();
    expect(log).toEqual([]);
  });

  it("stops a question nobody waits for: interrupts its statement and never sends the rest", async () => {
    const { coordinator, log, cancels, answerNext } = setup();
    const controller = new AbortController();
    const stale = coordinator.ask(twoStep, ctx("2025-01-01"), { tag: "old" }, { signal: controller.signal });
    await flush();
    const fresh = coordinator.ask(twoStep, ctx("2025-02-01"), { tag: "new" });
    controller.abort();
    await expect(stale).rejects.toBeInstanceOf(QueryCancelled);
    await flush();
    expect(cancels()).toBe(1);
    await answerNext([{ n: 5 }]);
    await answerNext([{ n: 6 }]);
    expect(await fresh).toBe("new:5+6");
    expect(log).toEqual(["first old", "first new", "second new"]);
    expect(coordinator.cached(twoStep, ctx("2025-01-01"), { tag: "old" })).toBeUndefined();
  });

  it("keeps computing a shared question while one of its askers still waits", async () => {
    const { coordinator, cancels, answerNext } = setup();
    const controller = new AbortController();
    const leaving = coordinator.ask(twoStep, ctx(), { tag: "a" }, { signal: controller.signal });
    const staying = coordinator.ask(twoStep, ctx(), { tag: "a" });
    controller.abort();
    await expect(leaving).rejects.toBeInstanceOf(QueryCancelled);
    await answerNext([{ n: 1 }]);
    await answerNext([{ n: 2 }]);
    expect(await staying).toBe("a:1+2");
    expect(cancels()).toBe(0);
  });

  it("still drops a cancelled question's temporary table", async () => {
    const { coordinator, log, answerNext } = setup();
    const controller = new AbortController();
    const asked = coordinator.ask(withTemp, ctx(), undefined, { signal: controller.signal });
    await answerNext([]);
    expect(log).toEqual(["CREATE TEMP TABLE t_1 AS SELECT 1", "SELECT * FROM t_1"]);
    controller.abort(); // interrupts the SELECT; the DROP in the metric's finally must still run
    await expect(asked).rejects.toBeInstanceOf(QueryCancelled);
    await answerNext([]);
    expect(log).toEqual([
      "CREATE TEMP TABLE t_1 AS SELECT 1",
      "SELECT * FROM t_1",
      "DROP TABLE IF EXISTS t_1",
    ]);
  });

  it("shows answers saved from a last visit as such until the engine confirms them", async () => {
    const { coordinator, answerNext } = setup();
    const key = queryKey(ignoresFilters, ctx(), undefined);
    coordinator.prime("1", [[key, "2025-06-30"]]);
    coordinator.prime("0", [[queryKey(twoStep, ctx(), { tag: "a" }), "old data"]]);
    expect(coordinator.cached(ignoresFilters, ctx(), undefined)).toEqual({
      value: "2025-06-30",
      fromLastVisit: true,
    });
    expect(coordinator.cached(twoStep, ctx(), { tag: "a" })).toBeUndefined();
    const confirmed = coordinator.ask(ignoresFilters, ctx(), undefined);
    await answerNext([{ day: "2025-07-01" }]);
    expect(await confirmed).toBe("2025-07-01");
    expect(coordinator.confirmedAnswers()).toEqual([[key, "2025-07-01"]]);
  });

  it("asks nothing of the engine while the data is still loading, then answers what was asked", async () => {
    const { coordinator, log, answerNext } = setup();
    const key = queryKey(ignoresFilters, ctx(), undefined);
    coordinator.setDataVersion("2", false);
    coordinator.prime("2", [[key, "2025-06-30"]]);
    const asked = coordinator.ask(ignoresFilters, ctx(), undefined);
    await flush();
    expect(log).toEqual([]);
    expect(coordinator.cached(ignoresFilters, ctx(), undefined)?.fromLastVisit).toBe(true);
    // The same data, now loaded: the question goes, and its answer replaces the kept one.
    coordinator.setDataVersion("2", true);
    await answerNext([{ day: "2025-07-01" }]);
    expect(await asked).toBe("2025-07-01");
    expect(log).toEqual(["as of"]);
    expect(coordinator.cached(ignoresFilters, ctx(), undefined)).toEqual({
      value: "2025-07-01",
      fromLastVisit: false,
    });
  });

  it("forgets kept answers when other data than they were about is loaded", async () => {
    const { coordinator } = setup();
    coordinator.setDataVersion("kept", false);
    coordinator.prime("kept", [[queryKey(ignoresFilters, ctx(), undefined), "2025-06-30"]]);
    coordinator.setDataVersion("other", true);
    expect(coordinator.cached(ignoresFilters, ctx(), undefined)).toBeUndefined();
  });

  it("keeps the most recently used answers first, within the budget it is given", async () => {
    const { coordinator, answerNext } = setup();
    const answer = async (tag: string, rows: number[]) => {
      const asked = coordinator.ask(twoStep, ctx(), { tag });
      await answerNext([{ n: rows[0] }]);
      await answerNext([{ n: rows[1] }]);
      return asked;
    };
    await answer("a", [1, 2]);
    await answer("b", [3, 4]);
    await answer("c", [5, 6]);
    // "a" used again: the latest.
    expect(await coordinator.ask(twoStep, ctx(), { tag: "a" })).toBe("a:1+2");
    const keyOf = (tag: string) => queryKey(twoStep, ctx(), { tag });
    expect(coordinator.confirmedAnswers().map(([key]) => key)).toEqual([keyOf("a"), keyOf("c"), keyOf("b")]);
    expect(coordinator.confirmedAnswers({ maxEntries: 2 })).toEqual([
      [keyOf("a"), "a:1+2"],
      [keyOf("c"), "c:5+6"],
    ]);
    // Each entry costs its key plus its JSON ('"a:1+2"' is 7 characters): room for two.
    const one = keyOf("a").length + 7;
    expect(coordinator.confirmedAnswers({ maxChars: 2 * one + 1 })).toHaveLength(2);
  });

  it("tells its listeners of every newly confirmed answer, not of cache hits", async () => {
    const { coordinator, answerNext } = setup();
    let told = 0;
    const stop = coordinator.onAnswer(() => told++);
    const asked = coordinator.ask(ignoresFilters, ctx(), undefined);
    await answerNext([{ day: "2025-07-01" }]);
    await asked;
    await coordinator.ask(ignoresFilters, ctx(), undefined);
    expect(told).toBe(1);
    stop();
  });

  it("runs upkeep behind the screen's questions: a query is interrupted and rerun, a write runs to its end", async () => {
    const { coordinator, log, pending, answerNext, cancels } = setup();
    const saved = coordinator.upkeep(async (engine) => {
      const [count] = await engine.query<{ n: number }>("count events");
      await engine.exec("COPY events rows 0-49999");
      return count?.n;
    });
    await flush();
    expect(pending[0]?.interruptible).toBe(true);
    // A filter change while the count runs: the count is interrupted, the screen answered, the count rerun.
    const first = coordinator.ask(ignoresFilters, ctx(), undefined);
    await flush();
    expect(log).toEqual(["count events", "as of"]);
    await answerNext([{ day: "2025-03-31" }]);
    expect(await first).toBe("2025-03-31");
    await answerNext([{ n: 7 }]);
    // Another while the COPY runs: the COPY is not stopped (its work would be lost); the screen goes next.
    expect(log.at(-1)).toBe("COPY events rows 0-49999");
    const second = coordinator.ask(twoStep, ctx(), { tag: "x" });
    // Asked about the data loaded now: the new version below stops it (its handler attached at once).
    const secondStopped = expect(second).rejects.toBeInstanceOf(QueryCancelled);
    await flush();
    expect(cancels()).toBe(1);
    expect(log.at(-1)).toBe("COPY events rows 0-49999");
    // New data does not stop it (the save of the data just imported must finish).
    coordinator.setDataVersion("2");
    await answerNext([]);
    expect(await saved).toBe(7);
    expect(log).toEqual(["count events", "as of", "count events", "COPY events rows 0-49999"]);
    await secondStopped;
    expect(pending).toHaveLength(0);
  });

  it("passes a metric's failure to every asker and caches nothing", async () => {
    const { coordinator, pending } = setup();
    const asked = coordinator.ask(ignoresFilters, ctx(), undefined);
    await flush();
    pending.shift()?.fail(new Error("Binder Error: no such table"));
    await expect(asked).rejects.toThrow("no such table");
    expect(coordinator.cached(ignoresFilters, ctx(), undefined)).toBeUndefined();
  });
});
