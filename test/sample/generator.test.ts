// Tests for the seeded sample-data generator: determinism, CSV shape, and the funnel patterns the world must hold.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { leadsForEvents, writeSampleCsv } from "../../sample-data/generate";
import {
  ACTIVITIES,
  CAMPAIGNS,
  CSV_HEADER,
  DEFAULT_LEADS,
  DEFAULT_SEED,
  generateLeads,
  type Lead,
  leadToCsv,
  type Team,
  WORLD_END,
  WORLD_START,
} from "../../sample-data/world";
import {
  closedWinRate,
  countReached,
  duplicateRows,
  firstAt,
  furthestStage,
  groupBy,
  handoffHours,
  has,
  latestAt,
  leadScore,
  median,
  mqlYield,
  outOfOrderRows,
  progressSplit,
  rates,
  totalRows,
} from "./funnelStats";

const SAMPLE_PATH = fileURLToPath(new URL("../../sample-data/sample.csv", import.meta.url));
const HOUR = 3600;

function csvOf(leads: number, seed: number): string {
  let out = `${CSV_HEADER}\n`;
  for (const lead of generateLeads({ leads, seed })) out += leadToCsv(lead);
  return out;
}

/** Minimal RFC 4180 parser (LF line ends, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const sampleLeads: Lead[] = [...generateLeads({ leads: DEFAULT_LEADS, seed: DEFAULT_SEED })];
const largeLeads: Lead[] = [...generateLeads({ leads: 20_000, seed: 7 })];

describe("generator determinism", () => {
  it("produces identical CSV for the same seed", () => {
    expect(csvOf(400, 11)).toBe(csvOf(400, 11));
  });

  it("produces a different world for a different seed", () => {
    expect(csvOf(400, 11)).not.toBe(csvOf(400, 12));
  });

  it("streams to a file exactly what it generates in memory", () => {
    const dir = mkdtempSync(join(tmpdir(), "funnel-lens-sample-"));
    try {
      const out = join(dir, "events.csv");
      const result = writeSampleCsv({ out, leads: 700, seed: 5 });
      const written = readFileSync(out, "utf8");
      expect(written).toBe(csvOf(700, 5));
      expect(result.leads).toBe(700);
      expect(result.rows).toBe(written.split("\n").length - 2);
      expect(result.bytes).toBe(Buffer.byteLength(written));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the committed sample.csv reproducible from the default seed and under 5 MB", () => {
    expect(statSync(SAMPLE_PATH).size).toBeLessThan(5_000_000);
    const fresh = readFileSync(SAMPLE_PATH, "utf8") === csvOf(DEFAULT_LEADS, DEFAULT_SEED);
    expect(fresh, "sample-data/sample.csv is stale: regenerate it with `npm run sample`").toBe(true);
  });

  it("picks a lead count that lands near the requested number of events", () => {
    const target = 30_000;
    const leads = leadsForEvents(target, 3);
    const rows = totalRows([...generateLeads({ leads, seed: 3 })]);
    expect(Math.abs(rows - target) / target).toBeLessThan(0.05);
  });
});

describe("CSV format", () => {
  const text = readFileSync(SAMPLE_PATH, "utf8");
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const col = (name: string): number => header.indexOf(name);

  it("starts with the exact header and uses LF line ends only", () => {
    expect(text.startsWith(`${CSV_HEADER}\n`)).toBe(true);
    expect(text.includes("\r")).toBe(false);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("gives every row 13 fields and round-trips campaign names with commas and quotes", () => {
    expect(body.every((r) => r.length === 13)).toBe(true);
    const campaigns = new Set(body.map((r) => r[col("campaign")]));
    expect(campaigns).toEqual(new Set(CAMPAIGNS.map((c) => c.name)));
    expect([...campaigns].some((c) => c?.includes(","))).toBe(true);
    expect([...campaigns].some((c) => c?.includes('"'))).toBe(true);
  });

  it("uses zero-padded lead ids wide enough for the lead count", () => {
    expect(body.every((r) => /^L\d{6}$/.test(r[0] ?? ""))).toBe(true);
    expect(body[0]?.[0]).toBe("L000001");
    const huge = generateLeads({ leads: 1_234_567, seed: 1 }).next();
    expect(huge.done).toBe(false);
    if (!huge.done) expect(huge.value.id).toBe("L0000001");
  });

  it("writes UTC-naive timestamps inside the world window, chronological within each lead", () => {
    expect(body.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[1] ?? ""))).toBe(true);
    const first = new Date(`${body[0]?.[1]?.replace(" ", "T")}Z`).getTime() / 1000;
    expect(first).toBeGreaterThanOrEqual(WORLD_START);
    const misplaced = sampleLeads.filter((lead) =>
      lead.events.some(
        (e, i) => e.at < WORLD_START || e.at > WORLD_END || e.at < (lead.events[i - 1]?.at ?? WORLD_START),
      ),
    );
    expect(misplaced.map((l) => l.id)).toEqual([]);
  });

  it("uses only canonical activity names", () => {
    const allowed = new Set<string>(ACTIVITIES);
    expect(body.every((r) => allowed.has(r[col("activity")] ?? ""))).toBe(true);
  });

  it("fills amount only on opportunity and won rows, and duration only on page views", () => {
    const bad = body.filter((r) => {
      const activity = r[col("activity")];
      const amount = r[col("amount")] ?? "";
      const duration = r[col("duration_s")] ?? "";
      const deal = activity === "opportunity_created" || activity === "deal_won";
      const amountOk = deal ? Number(amount) >= 4_000 && Number(amount) <= 120_000 : amount === "";
      const durationOk = activity === "page_view" ? Number(duration) > 0 : duration === "";
      return !amountOk || !durationOk;
    });
    expect(bad).toEqual([]);
  });

  it("gives larger companies larger deals", () => {
    const bySize = groupBy(sampleLeads, (l) => l.companySize);
    const dealMedian = (leads: Lead[] | undefined): number =>
      median(
        (leads ?? []).flatMap((l) =>
          l.events.filter((e) => e.activity === "opportunity_created").map((e) => e.amount ?? 0),
        ),
      );
    expect(dealMedian(bySize.get("1000+"))).toBeGreaterThan(dealMedian(bySize.get("100-999")));
    expect(dealMedian(bySize.get("100-999"))).toBeGreaterThan(dealMedian(bySize.get("1-99")));
  });

  it("creates every lead with a became_lead row at or right after its first touch", () => {
    for (const lead of sampleLeads) {
      const first = lead.events[0];
      const created = firstAt(lead, "became_lead");
      expect(first?.activity).not.toBe("became_lead");
      expect(created).toBeDefined();
      const gap = (created ?? 0) - (first?.at ?? 0);
      expect(gap >= 0 && gap <= 600).toBe(true);
    }
  });

  it("routes about nine in ten leads to the team their company size calls for", () => {
    const routing: Record<string, string> = {
      "1000+": "Enterprise",
      "100-999": "Regional",
      "1-99": "Inside Sales",
    };
    const routed = sampleLeads.filter((l) => routing[l.companySize] === l.team).length / sampleLeads.length;
    expect(routed).toBeGreaterThan(0.86);
    expect(routed).toBeLessThan(0.94);
  });
});

describe.each([
  { world: "committed sample (default seed, 3,000 leads)", leads: sampleLeads },
  { world: "larger world (seed 7, 20,000 leads)", leads: largeLeads },
])("world patterns in the $world", ({ leads }) => {
  const byTeam = groupBy(leads, (l) => l.team);
  const team = (name: Team): Lead[] => byTeam.get(name) ?? [];
  const onTimeTeams: Team[] = ["Enterprise", "Inside Sales"];

  it("has step rates near the published benchmarks, with a leak at sales acceptance", () => {
    const r = rates(leads);
    expect(r.leadToMql).toBeGreaterThan(0.35);
    expect(r.leadToMql).toBeLessThan(0.45);
    expect(r.mqlToSal).toBeGreaterThan(0.65);
    expect(r.mqlToSal).toBeLessThan(0.8);
    expect(r.mqlToSql).toBeGreaterThan(0.22);
    expect(r.mqlToSql).toBeLessThan(0.33);
    expect(r.sqlToOpp).toBeGreaterThan(0.38);
    expect(r.sqlToOpp).toBeLessThan(0.52);
    expect(r.oppToWon).toBeGreaterThan(0.2);
    expect(r.oppToWon).toBeLessThan(0.3);
  });

  it("closes most opportunities it does not win as deal_lost and leaves some open", () => {
    const { won, lost, open } = closedWinRate(leads);
    expect(lost).toBeGreaterThan(won);
    expect(lost).toBeGreaterThan(open);
    expect(open).toBeGreaterThan(0);
  });

  it("gives Paid Social the most leads and the worst MQL yield, and the Webinar campaign the best yield", () => {
    const byCampaign = [...groupBy(leads, (l) => l.channel)].map(([channel, ls]) => ({
      channel,
      n: ls.length,
      yield: mqlYield(ls),
    }));
    const mostLeads = [...byCampaign].sort((a, b) => b.n - a.n)[0];
    const byYield = [...byCampaign].sort((a, b) => a.yield - b.yield);
    expect(mostLeads?.channel).toBe("Paid Social");
    expect(byYield[0]?.channel).toBe("Paid Social");
    expect(byYield[byYield.length - 1]?.channel).toBe("Webinars");
    expect([...byCampaign].sort((a, b) => a.n - b.n)[0]?.channel).toBe("Webinars");
  });

  it("has the Regional team miss the hand-off SLA while Enterprise and Inside Sales meet it", () => {
    const med = (name: Team, activity: "sales_review" | "sales_contact" | "sales_feedback"): number =>
      median(handoffHours(team(name), activity));
    expect(med("Regional", "sales_review")).toBeGreaterThan(4);
    expect(med("Regional", "sales_contact")).toBeGreaterThan(24);
    expect(med("Regional", "sales_feedback")).toBeGreaterThan(48);
    for (const name of onTimeTeams) {
      expect(med(name, "sales_review")).toBeLessThanOrEqual(4);
      expect(med(name, "sales_contact")).toBeLessThanOrEqual(24);
      expect(med(name, "sales_feedback")).toBeLessThanOrEqual(48);
      const reviews = handoffHours(team(name), "sales_review");
      expect(reviews.filter((h) => h <= 4).length / reviews.length).toBeGreaterThan(0.8);
    }
  });

  it("has the Regional team accept and qualify fewer hand-offs than the other teams", () => {
    const regional = rates(team("Regional"));
    for (const name of onTimeTeams) {
      const other = rates(team(name));
      expect(regional.mqlToSal).toBeLessThan(other.mqlToSal - 0.1);
      expect(regional.mqlToSql).toBeLessThan(other.mqlToSql - 0.05);
    }
  });

  it("converts leads contacted within 24 hours better than those contacted later", () => {
    const contacted = leads.filter((l) => has(l, "sales_contact") && has(l, "became_mql"));
    const hoursToContact = (l: Lead): number =>
      ((firstAt(l, "sales_contact") ?? 0) - (firstAt(l, "became_mql") ?? 0)) / HOUR;
    const sqlShare = (ls: Lead[]): number => ls.filter((l) => furthestStage(l) >= 3).length / ls.length;
    const onTime = contacted.filter((l) => hoursToContact(l) <= 24);
    const late = contacted.filter((l) => hoursToContact(l) > 24);
    expect(sqlShare(onTime)).toBeGreaterThan(sqlShare(late));
  });

  it("lets the default lead score predict MQL and SQL, but imperfectly", () => {
    const high = leads.filter((l) => leadScore(l) >= 75);
    const low = leads.filter((l) => leadScore(l) < 75);
    expect(mqlYield(high)).toBeGreaterThan(2 * mqlYield(low));
    expect(mqlYield(high)).toBeLessThan(0.95);
    const mqls = leads.filter((l) => furthestStage(l) >= 1);
    expect(mqls.filter((l) => leadScore(l) < 75).length / mqls.length).toBeGreaterThan(0.1);
    const sqlReady = mqls.filter((l) => leadScore(l) > 100);
    const notReady = mqls.filter((l) => leadScore(l) <= 100);
    expect(rates(sqlReady).mqlToSql).toBeGreaterThan(rates(notReady).mqlToSql);
    expect(rates(sqlReady).mqlToSql).toBeLessThan(0.6);
  });

  it("has longer website visits from leads that go on to qualify", () => {
    const visits = (ls: Lead[]): number[] =>
      ls.flatMap((l) => l.events.filter((e) => e.activity === "page_view").map((e) => e.durationS ?? 0));
    const mqlVisits = median(visits(leads.filter((l) => furthestStage(l) >= 1)));
    const otherVisits = median(visits(leads.filter((l) => furthestStage(l) < 1)));
    expect(mqlVisits).toBeGreaterThan(2 * otherVisits);
    expect(visits(leads.filter((l) => furthestStage(l) >= 3)).some((d) => d >= 900)).toBe(true);
  });

  it("has leads that skip stages, rejected hand-offs, and a few recycled back to accepted", () => {
    const sqls = leads.filter((l) => furthestStage(l) >= 3);
    const sqlWithoutSal = sqls.filter((l) => !has(l, "sales_accepted")).length / sqls.length;
    expect(sqlWithoutSal).toBeGreaterThan(0.02);
    expect(sqlWithoutSal).toBeLessThan(0.09);
    const opps = leads.filter((l) => has(l, "opportunity_created"));
    const oppWithoutSql = opps.filter((l) => !has(l, "became_sql")).length;
    expect(oppWithoutSql).toBeGreaterThan(0);
    expect(oppWithoutSql / opps.length).toBeLessThan(0.1);
    const rejected = leads.filter((l) => has(l, "sales_rejected"));
    const recycled = rejected.filter((l) => has(l, "sales_accepted")).length;
    expect(rejected.length / countReached(leads).reached.mql).toBeGreaterThan(0.15);
    expect(recycled).toBeGreaterThan(0);
    expect(recycled).toBeLessThan(rejected.length / 4);
  });

  it("has recent leads still in progress and older ones stalled", () => {
    const asOf = latestAt(leads);
    expect(asOf).toBeGreaterThan(WORLD_END - 86400);
    const { inProgress, stalled } = progressSplit(leads, asOf);
    expect(inProgress / leads.length).toBeGreaterThan(0.05);
    expect(stalled).toBeGreaterThan(inProgress);
  });

  it("keeps stage rows after became_mql apart from a small deliberate share of out-of-order and duplicate rows", () => {
    const rows = totalRows(leads);
    const outOfOrder = outOfOrderRows(leads);
    const duplicates = duplicateRows(leads);
    expect(outOfOrder).toBeGreaterThan(0);
    expect(outOfOrder / rows).toBeLessThanOrEqual(0.005);
    expect(duplicates).toBeGreaterThan(0);
    expect(duplicates / rows).toBeLessThanOrEqual(0.002);
  });
});
