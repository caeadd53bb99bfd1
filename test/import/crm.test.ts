// Real CRM export shapes, imported with the proposed mapping; funnel numbers worked out by hand.

import { beforeEach, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { queryFunnel } from "../../src/metrics/funnel";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import { type Funnel, funnelUnit, type Kpi } from "../../src/model/funnel";
import { importFixtures } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeEach(async () => {
  engine ??= await createNodeEngine();
});

const funnel = () => queryFunnel(engine, { filters: NO_FILTERS, windowDays: null }, DEFAULT_BENCHMARKS);
const reached = (f: Funnel) => f.stages.map((s) => (s.tracked ? s.reached : "not tracked"));
const kpi = (f: Funnel, id: Kpi["id"]) => f.kpis.find((k) => k.id === id)?.value ?? null;

describe("CRM exports", () => {
  it("reads a HubSpot contacts export (UTF-16, tab-delimited) with Became-a-… dates", async () => {
    // 101 lead→MQL→SQL→opp→customer; 102 …→opp; 103 …→SQL; 104 …→MQL; 105, 106 lead;
    // 107 lead→opp→customer (skips MQL, SQL); 108 subscriber with only a create date. No SAL data.
    const { prepared, summary } = await importFixtures(engine, ["crm/hubspot-contacts-utf16.csv"]);
    expect(prepared[0]?.kind).toBe("leads");
    expect(prepared[0]?.mapping).toMatchObject({
      lead_id: "Record ID",
      mql_at: "Became a Marketing Qualified Lead Date",
      campaign: "First Touch Converting Campaign",
      channel: "Original Source",
      status: "Lifecycle Stage",
    });
    expect(summary).toMatchObject({ rowsRead: 8, rowsLoaded: 8, rowsRejected: 0, leads: 8 });
    const f = await funnel();
    expect(reached(f)).toEqual([8, 5, "not tracked", 4, 3, 2]);
    expect(f.stages.find((s) => s.stage === "mql")?.skipped).toBe(1);
    expect(kpi(f, "mql_to_sql")).toBeCloseTo(4 / 5, 10);
    expect(kpi(f, "sales_acceptance")).toBeNull();
    expect(kpi(f, "sql_to_opportunity")).toBeCloseTo(3 / 4, 10);
    expect(kpi(f, "win_rate")).toBeCloseTo(2 / 3, 10);
    const [accented] = await engine.query<{ company: string }>(
      "SELECT company FROM lead_stages WHERE lead_id = '108'",
    );
    expect(accented?.company).toBe("Hôtel");
  });

  it("joins a Salesforce lead report and opportunity report, dropping report footers", async () => {
    // Leads: Q1–Q3 converted (SQL at the converted date) to opportunities 0061–0063; Q4 "Working -
    // Contacted" (SAL); Q5 "Closed - Not Converted" (rejected); Q6 open. 0061 won, 0062 lost, 0063 open.
    const { prepared, summary } = await importFixtures(engine, [
      "crm/salesforce-leads.csv",
      "crm/salesforce-opportunities.csv",
    ]);
    expect(prepared.map((p) => p.kind)).toEqual(["leads", "deals"]);
    expect(prepared[0]?.notes).toContain(
      "Dropped 3 report footer rows (totals, confidentiality or copyright lines).",
    );
    expect(prepared[1]?.mapping.deal_id).toBe("Opportunity: Opportunity ID");
    expect(summary.files.map((s) => [s.fileName, s.rowsRead, s.rowsRejected])).toEqual([
      ["salesforce-leads.csv", 6, 0],
      ["salesforce-opportunities.csv", 3, 0],
    ]);
    expect(summary.leads).toBe(6);
    expect(summary.unit).toBe("lead");
    const f = await funnel();
    expect(reached(f)).toEqual([6, "not tracked", 4, 3, 3, 1]);
    // Lead conversion creates the opportunity on the converted (SQL) date: 3 of 3 on the same day, so the
    // step is set by the CRM — never "100.0 %, above band".
    expect(kpi(f, "sql_to_opportunity")).toBeNull();
    expect(f.steps.find((s) => s.from === "sql")?.setByCrm).toBe(1);
    expect(kpi(f, "win_rate")).toBeCloseTo(1 / 3, 10);
    expect(f.steps.find((s) => s.from === "lead")?.reasons).toMatchObject({ rejected: 1, stalled: 1 });
    const [won] = await engine.query<{ won_amount: number }>(
      "SELECT won_amount FROM lead_stages WHERE lead_id = '00Q1'",
    );
    expect(won?.won_amount).toBe(12000);
  });

  it("joins a Latin-1 leads file (DD-MM-YYYY, semicolons) with a pipe-delimited deals file on email", async () => {
    // ann: lead, MQL, SQL, deal D1 won; bob: lead, MQL; cal: lead; dan: lead, MQL, SQL, deal D2 lost.
    const { summary } = await importFixtures(engine, [
      "crm/leads-latin1.csv",
      "crm/deals-pipe.csv",
      "crm/spend.csv",
    ]);
    expect(summary.files.map((s) => s.kind)).toEqual(["leads", "deals", "spend"]);
    expect(summary.spendRows).toBe(2);
    const f = await funnel();
    expect(reached(f)).toEqual([4, 3, "not tracked", 2, 2, 1]);
    expect(kpi(f, "mql_to_sql")).toBeCloseTo(2 / 3, 10);
    expect(kpi(f, "win_rate")).toBe(0.5);
    const campaigns = await engine.query<{ campaign: string }>(
      "SELECT DISTINCT campaign FROM lead_stages ORDER BY 1",
    );
    expect(campaigns.map((c) => c.campaign)).toEqual(["Café Ads", "Webinar Jan"]);
    const [mql] = await engine.query<{ d: string }>(
      "SELECT strftime(mql_at, '%Y-%m-%d') AS d FROM lead_stages WHERE lead_id = 'ann@x.com'",
    );
    expect(mql?.d).toBe("2024-01-10");
  });

  it("turns a status column with one date column into stage dates", async () => {
    // S1 lead, S2 MQL, S3 SQL, S4 customer, S5 "other" (lead only); dates from Last Modified Date.
    await importFixtures(engine, ["crm/status-only.csv"]);
    const f = await funnel();
    expect(reached(f)).toEqual([5, 3, "not tracked", 2, "not tracked", 1]);
    expect(kpi(f, "mql_to_sql")).toBeCloseTo(2 / 3, 10);
    expect(kpi(f, "win_rate")).toBeNull();
  });

  it("starts the funnel at opportunity for a deals file alone", async () => {
    const { summary } = await importFixtures(engine, ["crm/salesforce-opportunities.csv"]);
    const f = await funnel();
    expect(f.untracked).toEqual(["lead", "mql", "sal", "sql"]);
    // Every screen and the import summary count opportunities here, by the same rule.
    expect([summary.leads, summary.unit, funnelUnit(f)]).toEqual([3, "opportunity", "opportunity"]);
    expect(reached(f).slice(4)).toEqual([3, 1]);
    expect(kpi(f, "leads")).toBeNull();
  });
});
