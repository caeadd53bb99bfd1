// Numbers the data cannot support are not shown (issue 15): steps the CRM sets, a closed win rate without
// lost deals, and implausible dates as "now". Each activity log is built below and worked out by hand.

import { beforeAll, describe, expect, it } from "vitest";
import { benchmarkedRates } from "../../src/charts/BenchmarkChart";
import { queryFunnel } from "../../src/metrics/funnel";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import type { Funnel } from "../../src/model/funnel";
import { funnelTableCsv } from "../../src/model/funnelTable";
import { overviewHeadline } from "../../src/model/headlines";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const HEADER = "lead_id,occurred_at,activity,campaign";
const day = (d: number) => `2025-03-${String(d).padStart(2, "0")} 10:00:00`;

/**
 * 30 leads: lead on 03-01, SQL on 03-02. Leads 1–25 also get an opportunity: on the SQL's day for the
 * first `sameDay` of them, on 03-09 for the rest. Leads 26–30 stay SQLs (as of 03-09: in progress).
 * SQL → opportunity = 25 / 30 = 83.3 %, far above its 40–50 % band.
 */
function conversionLog(sameDay: number): string {
  const rows = [HEADER];
  for (let i = 1; i <= 30; i++) {
    rows.push(`L${i},${day(1)},became_lead,Web`, `L${i},${day(2)},became_sql,Web`);
    if (i <= 25) rows.push(`L${i},${day(i <= sameDay ? 2 : 9)},opportunity_created,Web`);
  }
  return rows.join("\n");
}

async function funnelOf(csv: string): Promise<Funnel> {
  const engine = await createNodeEngine();
  await importText(engine, "log.csv", csv);
  return queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
}

describe("a step the CRM sets (issue 15 item 3)", () => {
  let crm: Funnel;
  let people: Funnel;
  beforeAll(async () => {
    // 24 of 25 on the same day = 96 % ≥ 95 %: set by the CRM. 23 of 25 = 92 %: people's work.
    crm = await funnelOf(conversionLog(24));
    people = await funnelOf(conversionLog(23));
  });

  it("labels SQL → opportunity set by the CRM and never compares it with its band", () => {
    const step = crm.steps.find((s) => s.from === "sql" && s.to === "opportunity");
    expect(step?.setByCrm).toBeCloseTo(24 / 25, 10);
    expect(step?.rate).toBeCloseTo(25 / 30, 10);
    expect(step?.status).toBeNull();
    const kpi = crm.kpis.find((k) => k.id === "sql_to_opportunity");
    expect(kpi?.value).toBeNull();
    expect(kpi?.status).toBeNull();
    expect(kpi?.unavailable).toMatch(/set by the CRM \(e\.g\. lead conversion creates the opportunity\)/);
  });

  it("leaves it out of every benchmark judgement, headline and CSV status", () => {
    expect(benchmarkedRates(crm).map((r) => r.id)).not.toContain("sql_to_opportunity");
    expect(overviewHeadline(crm)).not.toMatch(/SQL → opportunity|within|meet/i);
    expect(funnelTableCsv(crm)).toContain("opportunity,25,0.8333,0.8333,0.4,0.5,set by the CRM,30,25\r\n");
  });

  it("judges the same step normally when only 92 % of the dates coincide", () => {
    const kpi = people.kpis.find((k) => k.id === "sql_to_opportunity");
    expect(kpi?.value).toBeCloseTo(25 / 30, 10);
    expect(kpi?.status).toBe("above");
    expect(kpi?.unavailable).toBeNull();
    expect(people.steps.find((s) => s.to === "opportunity")?.setByCrm).toBeNull();
  });
});

describe("closed win rate (issue 15 item 2)", () => {
  // 20 opportunities on 03-01; L1–L12 won on 03-05. With `lost`, L13–L16 also closed lost on 03-06.
  function deals(withLost: boolean): string {
    const rows = [HEADER];
    for (let i = 1; i <= 20; i++) {
      rows.push(`L${i},${day(1)},became_lead,Web`, `L${i},${day(1)},opportunity_created,Web`);
      if (i <= 12) rows.push(`L${i},${day(5)},deal_won,Web`);
      else if (withLost && i <= 16) rows.push(`L${i},${day(6)},deal_lost,Web`);
    }
    return rows.join("\n");
  }

  it("is not tracked when the data records no lost deal at all: never 100 % by construction", async () => {
    const funnel = await funnelOf(deals(false));
    expect(funnel.closedWinRate).toMatchObject({ tracked: false, rate: null, won: 12 });
    // The funnel step opportunity → deal is still measured: 12 of 20 (open ones in the denominator).
    expect(funnel.kpis.find((k) => k.id === "win_rate")?.value).toBeCloseTo(12 / 20, 10);
  });

  it("is won ÷ (won + lost) once lost deals are recorded: 12 ÷ 16 = 75 %, 4 still open", async () => {
    const funnel = await funnelOf(deals(true));
    expect(funnel.closedWinRate).toMatchObject({ tracked: true, won: 12, lost: 4, open: 4 });
    expect(funnel.closedWinRate.rate).toBeCloseTo(0.75, 10);
  });
});

describe("the as-of date (issue 15 item 1c)", () => {
  async function asOf(csv: string): Promise<number> {
    const engine = await createNodeEngine();
    await importText(engine, "log.csv", csv);
    const [row] = await engine.query<{ as_of: number }>("SELECT as_of FROM tracked_stages");
    return row?.as_of ?? Number.NaN;
  }

  it("is never a date more than a year ahead or before 1970: the latest plausible one wins", async () => {
    const csv = [
      HEADER,
      `L1,${day(1)},became_lead,Web`,
      `L1,${day(4)},became_mql,Web`,
      "L2,2099-12-31 00:00:00,page_view,Web",
      "L3,1901-01-01 00:00:00,page_view,Web",
    ].join("\n");
    expect(new Date(await asOf(csv)).toISOString()).toBe("2025-03-04T10:00:00.000Z");
  });
});
