// A saved workspace reopens as the same data: events → CSV snapshot → a fresh engine, row for row.

import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ROWS_PER_COPY,
  restoreEvents,
  SnapshotBudget,
  SnapshotTooLarge,
  snapshotEvents,
  snapshotSideTables,
} from "../../src/app/workspaceSnapshot";
import type { SqlEngine, SqlValue } from "../../src/db/engine";
import { QueryCancelled } from "../../src/db/errors";
import { queryFunnel } from "../../src/metrics/funnel";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import { QueryCoordinator } from "../../src/queries/coordinator";
import { DEFAULT_DERIVE_SETTINGS, LIVE_TABLES } from "../../src/warehouse/derive";
import { STAGING_PREFIX } from "../../src/warehouse/workspace";
import { importFixture, importFixtures, importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const ALL_EVENTS = "SELECT * FROM events ORDER BY source_file, source_row";

const reached = async (engine: SqlEngine) =>
  (await queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS)).stages.map(
    (s) => s.reached,
  );

/** The staged copies a restore creates; a failed restore must not leave any behind. */
const STAGED_NAMES = [...Object.values(LIVE_TABLES), "import_rejects"].map(
  (name) => `${STAGING_PREFIX}${name}`,
);
const stagedTables = async (engine: SqlEngine) =>
  (await engine.query<{ table_name: string }>("SELECT table_name FROM duckdb_tables()"))
    .map((t) => t.table_name)
    .filter((name) => STAGED_NAMES.includes(name));

describe("workspace snapshot of funnel-basic.csv", () => {
  let saved: SqlEngine;
  let reopened: SqlEngine;
  let snapshot: Uint8Array;

  beforeAll(async () => {
    saved = await createNodeEngine();
    await importFixture(saved, "funnel-basic.csv");
    snapshot = await snapshotEvents(saved);
    reopened = await createNodeEngine();
  });

  it("reopens in a fresh engine with the same funnel (reached 10, 8, 7, 5, 3, 2)", async () => {
    await expect(restoreEvents(reopened, snapshot, DEFAULT_DERIVE_SETTINGS)).resolves.toEqual({
      leads: 10,
      unit: "lead",
    });
    expect(await reached(saved)).toEqual([10, 8, 7, 5, 3, 2]);
    expect(await reached(reopened)).toEqual([10, 8, 7, 5, 3, 2]);
  });

  it("reopens the events table row for row", async () => {
    const original = await saved.query(ALL_EVENTS);
    expect(original).toHaveLength(40);
    expect(await reopened.query(ALL_EVENTS)).toEqual(original);
  });

  it("starts with this version's column names and leaves no file behind on disk", () => {
    const text = new TextDecoder().decode(snapshot);
    expect(text.split("\n")[0]).toBe(
      "source_file,source_row,lead_id,occurred_at,activity,unknown_activity,campaign,channel,source,owner," +
        "team,amount,raw_amount,duration_s,company,company_size,industry,region,role,raw_occurred_at",
    );
    expect(readdirSync(process.cwd()).filter((name) => name.startsWith("workspace-events"))).toEqual([]);
  });
});

describe("workspace snapshot of awkward values", () => {
  // Row 2: a campaign with quotes, a comma and a newline, and a millisecond timestamp given in UTC.
  // Row 3: an amount with many digits; its channel is set to '' below to tell it from NULL (row 2).
  const CSV = [
    "lead_id,occurred_at,activity,campaign,channel,amount",
    'A1,2025-03-01T09:15:30.123Z,became_lead,"Spring ""VIP"", East\nCoast",,',
    "A1,2025-03-02 10:00:00.5,opportunity_created,Plain,Email,1234.5678901234567",
  ].join("\n");
  const EXACT = `SELECT source_row, campaign, channel, channel IS NULL AS channel_is_null,
      strftime(occurred_at, '%Y-%m-%d %H:%M:%S.%f') AS occurred_at, amount, raw_amount, raw_occurred_at
    FROM events ORDER BY source_row`;

  it("keeps quotes, commas, newlines, milliseconds, '' apart from NULL, and every digit", async () => {
    const saved = await createNodeEngine();
    await importText(saved, "awkward.csv", CSV);
    await saved.exec("UPDATE events SET channel = '' WHERE source_row = 3");
    const reopened = await createNodeEngine();
    await restoreEvents(reopened, await snapshotEvents(saved), DEFAULT_DERIVE_SETTINGS);

    const rows = await reopened.query(EXACT);
    expect(rows).toEqual([
      {
        source_row: 2,
        campaign: 'Spring "VIP", East\nCoast',
        channel: null,
        channel_is_null: true,
        occurred_at: "2025-03-01 09:15:30.123000",
        amount: null,
        raw_amount: null,
        raw_occurred_at: "2025-03-01T09:15:30.123Z",
      },
      {
        source_row: 3,
        campaign: "Plain",
        channel: "",
        channel_is_null: false,
        occurred_at: "2025-03-02 10:00:00.500000",
        amount: 1234.5678901234567,
        raw_amount: "1234.5678901234567",
        raw_occurred_at: "2025-03-02 10:00:00.5",
      },
    ]);
    expect(rows).toEqual(await saved.query(EXACT));
  });
});

describe("a snapshot that cannot be reopened", () => {
  let engine: SqlEngine;

  beforeAll(async () => {
    engine = await createNodeEngine();
    await importFixture(engine, "funnel-basic.csv");
  });

  it("is refused when its columns differ from this version's, and the loaded data stays", async () => {
    const older = new TextEncoder().encode("source_file,source_row,lead_id\nold.csv,2,L1\n");
    await expect(restoreEvents(engine, older, DEFAULT_DERIVE_SETTINGS)).rejects.toThrow(
      /different columns than this version/,
    );
    expect(await reached(engine)).toEqual([10, 8, 7, 5, 3, 2]);
  });

  it("fails on a value that is not of its column's type, drops the staged tables, keeps the data", async () => {
    const good = new TextDecoder().decode(await snapshotEvents(engine));
    const broken = good.replace("2025-01-05 10:00:00", "not a date");
    expect(broken).not.toBe(good);
    await expect(
      restoreEvents(engine, new TextEncoder().encode(broken), DEFAULT_DERIVE_SETTINGS),
    ).rejects.toThrow(/not a date/);
    expect(await stagedTables(engine)).toEqual([]);
    expect(await reached(engine)).toEqual([10, 8, 7, 5, 3, 2]);
  });
});

describe("workspace snapshot of spend and rejected rows", () => {
  it("brings back campaign spend and the last import's rejected rows with the events", async () => {
    // leads-latin1.csv + spend.csv: 2 spend rows (Webinar Jan 1,200; Café Ads 800). A bad row adds a reject.
    const saved = await createNodeEngine();
    await importFixtures(saved, ["crm/leads-latin1.csv", "crm/spend.csv"]);
    await saved.exec(
      "INSERT INTO import_rejects VALUES ('x.csv', 7, 'MQL date', 'is not a date', '31/02/2024', '\"a\",\"31/02/2024\"')",
    );
    const events = await snapshotEvents(saved);
    const sides = await snapshotSideTables(saved);
    expect(sides.spend).toBeDefined();
    expect(sides.import_rejects).toBeDefined();

    const reopened = await createNodeEngine();
    await restoreEvents(reopened, events, DEFAULT_DERIVE_SETTINGS, sides);
    const rows = await reopened.query<{ campaign: string; spend: number }>(
      "SELECT campaign, spend FROM spend ORDER BY campaign",
    );
    expect(rows).toEqual([
      { campaign: "Café Ads", spend: 800 },
      { campaign: "Webinar Jan", spend: 1200 },
    ]);
    const [reject] = await reopened.query<{ source_row: number; value: string }>(
      "SELECT source_row, value FROM import_rejects",
    );
    expect(reject).toEqual({ source_row: 7, value: "31/02/2024" });
  });
});

describe("a snapshot taken as upkeep through the coordinator", () => {
  it("is whole when a COPY is stopped halfway (an import's Cancel stops whatever runs): it runs again", async () => {
    const engine = await createNodeEngine();
    await importFixture(engine, "funnel-basic.csv");
    const undisturbed = await snapshotEvents(engine);
    // The first COPY stops part-way, as one interrupted in the worker does: its file already holds
    // 5,000 lines (more than the whole snapshot), then the statement comes back cancelled. The rerun
    // rewrites the file from its start.
    let interrupted = 0;
    const interrupting: SqlEngine = {
      ...engine,
      query: async <R extends object>(sql: string, params: readonly SqlValue[] = [], options = {}) => {
        const target = /^\s*COPY[\s\S]*\bTO '([^']+)'/.exec(sql)?.[1];
        if (target && interrupted === 0) {
          interrupted++;
          await engine.exec(
            `COPY (SELECT 'part of an interrupted copy' AS line FROM range(5000)) TO '${target}' (HEADER, USE_TMP_FILE false)`,
          );
          throw new QueryCancelled();
        }
        return engine.query<R>(sql, params, options);
      },
    };
    const coordinator = new QueryCoordinator(async () => interrupting);
    const snapshot = await coordinator.upkeep((queue) => snapshotEvents(queue));
    expect(interrupted).toBe(1);
    expect(new TextDecoder().decode(snapshot)).toBe(new TextDecoder().decode(undisturbed));
  });
});

describe("a snapshot of a table larger than one COPY", () => {
  it("is the table's CSV written in one go, byte for byte, however many slices it took", async () => {
    const engine = await createNodeEngine();
    // 120,001 rows = 3 slices of ROWS_PER_COPY; deleting every 1,000th row leaves gaps in the row ids.
    await engine.exec(
      `CREATE TABLE spend AS SELECT 'Campaign ' || range AS campaign, range * 1.5 AS spend, NULL::VARCHAR AS period
       FROM range(${2 * ROWS_PER_COPY + 20_001})`,
    );
    await engine.exec("DELETE FROM spend WHERE (spend / 1.5)::INTEGER % 1000 = 999");
    const spendCsv = async () => new TextDecoder().decode((await snapshotSideTables(engine)).spend);
    const sliced = await spendCsv();
    await engine.registerFile("whole.csv", new Uint8Array(0));
    await engine.exec(
      "COPY (SELECT campaign, spend, period FROM spend) TO 'whole.csv' (HEADER, DELIMITER ',', USE_TMP_FILE false)",
    );
    const whole = new TextDecoder().decode(await engine.readFile("whole.csv"));
    expect(sliced.split("\n")).toHaveLength(120_001 - 120 + 2);
    expect(sliced.startsWith("campaign,spend,period\nCampaign 0,0.0,\n")).toBe(true);
    expect(sliced).toBe(whole);
    await engine.exec("DELETE FROM spend");
    expect(await spendCsv()).toBe("campaign,spend,period\n");
  });

  it("lists only the side tables that exist", async () => {
    const engine = await createNodeEngine();
    expect(Object.keys(await snapshotSideTables(engine))).toEqual([]);
    await engine.exec("CREATE TABLE spend (campaign VARCHAR, spend DOUBLE, period VARCHAR)");
    expect(Object.keys(await snapshotSideTables(engine))).toEqual(["spend"]);
  });
});

describe("a snapshot over its byte budget", () => {
  it("stops at the first slice past the budget, without writing the rest", async () => {
    const engine = await createNodeEngine();
    // 150,000 spend rows of 'Campaign n,n.0,' = 3 slices; each slice is well over 1 MB.
    await engine.exec(
      `CREATE TABLE spend AS SELECT 'Campaign ' || range AS campaign, range::DOUBLE AS spend, NULL::VARCHAR AS period
       FROM range(${3 * ROWS_PER_COPY})`,
    );
    const copies: string[] = [];
    const counting: SqlEngine = {
      ...engine,
      exec: (sql: string) => {
        if (sql.startsWith("COPY")) copies.push(sql);
        return engine.exec(sql);
      },
    };
    const lines = new TextDecoder().decode((await snapshotSideTables(engine)).spend).split("\n");
    const bytesOfSlices = (n: number) => lines.slice(0, n * ROWS_PER_COPY + 1).join("\n").length + 1;
    // The header and the first slice fit exactly; the second passes the budget, the third is never written.
    const budget = new SnapshotBudget(bytesOfSlices(1));
    const stopped = snapshotSideTables(counting, budget);
    await expect(stopped).rejects.toEqual(new SnapshotTooLarge(bytesOfSlices(2), bytesOfSlices(1)));
    expect(copies).toHaveLength(2);
    expect(budget.written).toBe(bytesOfSlices(2));
  });
});
