// The marketing → sales hand-off on test/fixtures/alignment-handoff.csv, worked out by hand below.
//
// SLA targets: review ≤ 4 h, contact ≤ 24 h, feedback ≤ 48 h, in elapsed hours from the first
// became_mql. As-of = latest event = 2025-04-30 12:00 (I4's page view). Routing: 1000+ → Enterprise,
// 100–999 → Regional, 1–99 → Inside Sales ("5000" → 5000, "250" → 250).
// | lead | team   | size    | review h | contact h | feedback h | bucket   | review/contact/feedback | SLA     | disposition   | outcome        |
// | A1   | Ent    | 1000+   | 1.5      | 6         | 24         | 4–24 h   | met/met/met             | met     | accepted      | opp 50k, won   |
// | A2   | Ent    | 5000    | 3        | 24 (1)    | 32         | 4–24 h   | met/met/met             | met     | accepted      | opp 30k, lost  |
// | A3   | Ent    | 1000+   | 0.5      | 0.75 (2)  | 9          | < 1 h    | met/met/met             | met     | accepted      | opp 20k, won   |
// | R1   | Reg    | 100-999 | 10       | 48        | 96         | 1–3 days | missed ×3               | missed  | accepted      | opp 40k, lost  |
// | R2   | Reg    | 250     | —        | —         | —          | never    | missed ×3 (overdue)     | missed  | never touched | —              |
// | R3   | Reg    | 100-999 | 2        | — (n/a)   | 4          | never    | met/n/a/met             | met     | rejected      | —              |
// | R4   | Reg    | 100-999 | 3        | 30        | 31         | 1–3 days | met/missed/met          | missed  | accepted      | opp 10k, won   |
// | I1   | Inside | 1-99    | 1/3      | 2         | 8          | 1–4 h    | met/met/met             | met     | accepted      | SQL, no opp    |
// | I2   | Inside | 1000+   | 1        | 96        | 2          | > 3 days | met/missed/met          | missed  | accepted      | opp 5k, lost   | mis-routed (→ Enterprise)
// | I4   | Inside | 1-99    | 1        | —         | —          | never    | met/not due/not due     | not due | awaiting      | —              |
// | I3   | Inside | 12      | no MQL: not a hand-off                                                                                           |
// | S1   | Ent    | 1000+   | opportunity without MQL: reached MQL by skipping it, no hand-off clock (skippedMql = 1)                            |
// (1) A2 was contacted on 03-01, the day before its MQL: that contact does not count; the first after is 24 h, exactly on target.
// (2) A3 was contacted twice after MQL (0.75 h and 25 h): the first counts.
// Per team (SLA % = hand-offs meeting every applicable step ÷ those met or missed):
// | team   | hand-offs | median review/contact/feedback | review  | contact | feedback | SLA  | acceptance | score                     | win rate |
// | Ent    | 3         | 1.5 / 6 / 24                   | 3/3     | 3/3     | 3/3      | 3/3  | 3/3        | 100 %                     | 2/3      |
// | Reg    | 4         | 3 / 39 / 31                    | 2/4     | 0/3     | 2/4      | 1/4  | 2/4        | (50+0+50+50)/4 = 37.5 %   | 1/2      |
// | Inside | 3         | 1 / 49 / 5                     | 3/3     | 1/2     | 2/2      | 1/2  | 2/3        | (100+50+100+66.7)/4=79.2 %| 0/1      |
// SLA met (A1 A2 A3 R3 I1): SQL 4, opp 3, won 2, revenue 70k. Missed (R1 R2 R4 I2): SQL 3, opp 3, won 1, revenue 10k.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import {
  GROUPINGS,
  type Grouping,
  handoffGroupsSql,
  handoffLeadsSql,
  handoffTrackingSql,
  queryAlignment,
  queryHandoffLeads,
  queryHandoffTracking,
  skippedMqlSql,
} from "../../src/metrics/alignment";
import { filterWhere } from "../../src/metrics/filters";
import {
  DEFAULT_ALIGNMENT,
  PUBLISHED_EFFECT,
  slaHeadline,
  uplift,
  validAlignmentSettings,
} from "../../src/model/alignment";
import { NO_FILTERS } from "../../src/model/filters";
import { importFixture, importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await importFixture(engine, "alignment-handoff.csv");
});

const query = { filters: NO_FILTERS };

describe("hand-off hours per lead", () => {
  it("measures elapsed hours from MQL to the first review, contact and feedback at or after MQL", async () => {
    const leads = await queryHandoffLeads(engine, query, DEFAULT_ALIGNMENT);
    expect(leads.map((l) => l.lead_id)).toEqual(["A1", "A2", "A3", "I1", "I2", "I4", "R1", "R2", "R3", "R4"]);
    const hours = Object.fromEntries(
      leads.map((l) => [l.lead_id, [l.review_hours, l.contact_hours, l.feedback_hours]]),
    );
    expect(hours).toEqual({
      A1: [1.5, 6, 24],
      A2: [3, 24, 32],
      A3: [0.5, 0.75, 9],
      I1: [1 / 3, 2, 8],
      I2: [1, 96, 2],
      I4: [1, null, null],
      R1: [10, 48, 96],
      R2: [null, null, null],
      R3: [2, null, 4],
      R4: [3, 30, 31],
    });
  });

  it("ignores a contact made before the lead became an MQL, but counts it", async () => {
    const a2 = (await queryHandoffLeads(engine, query, DEFAULT_ALIGNMENT)).find((l) => l.lead_id === "A2");
    expect(a2).toMatchObject({ contact_hours: 24, contacts_before_mql: 1, contact_sla: "met" });
  });

  it("puts each hand-off in its time-to-first-contact bucket, inclusive upper bounds", async () => {
    const leads = await queryHandoffLeads(engine, query, DEFAULT_ALIGNMENT);
    expect(Object.fromEntries(leads.map((l) => [l.lead_id, l.contact_bucket]))).toEqual({
      A1: "4_24h",
      A2: "4_24h",
      A3: "under_1h",
      I1: "1_4h",
      I2: "over_3d",
      I4: "never",
      R1: "1_3d",
      R2: "never",
      R3: "never",
      R4: "1_3d",
    });
  });

  it("judges each SLA step met, missed, not yet due or not applicable", async () => {
    const leads = await queryHandoffLeads(engine, query, DEFAULT_ALIGNMENT);
    const steps = Object.fromEntries(
      leads.map((l) => [l.lead_id, `${l.review_sla}/${l.contact_sla}/${l.feedback_sla} → ${l.sla}`]),
    );
    expect(steps).toEqual({
      A1: "met/met/met → met",
      A2: "met/met/met → met",
      A3: "met/met/met → met",
      I1: "met/met/met → met",
      I2: "met/missed/met → missed",
      I4: "met/not_due/not_due → not_due",
      R1: "missed/missed/missed → missed",
      R2: "missed/missed/missed → missed",
      R3: "met/not_applicable/met → met",
      R4: "met/missed/met → missed",
    });
  });

  it("tells accepted, rejected, awaiting and never-touched hand-offs apart", async () => {
    const leads = await queryHandoffLeads(engine, query, DEFAULT_ALIGNMENT);
    const byDisposition = (d: string) => leads.filter((l) => l.disposition === d).map((l) => l.lead_id);
    expect(byDisposition("accepted")).toEqual(["A1", "A2", "A3", "I1", "I2", "R1", "R4"]);
    expect(byDisposition("rejected")).toEqual(["R3"]);
    expect(byDisposition("awaiting")).toEqual(["I4"]);
    expect(byDisposition("never_touched")).toEqual(["R2"]);
  });

  it("flags a lead routed to another team than its company size calls for", async () => {
    const leads = await queryHandoffLeads(engine, query, DEFAULT_ALIGNMENT);
    expect(leads.filter((l) => l.routing === "misrouted").map((l) => [l.lead_id, l.expected_team])).toEqual([
      ["I2", "Enterprise"],
    ]);
    expect(leads.filter((l) => l.routing === "unknown")).toEqual([]);
  });

  it("uses edited routing bands and team names, bound as parameters", async () => {
    const routing = [
      { minEmployees: 200, team: "Big O'Brien" },
      { minEmployees: 1, team: "Inside Sales" },
    ];
    const leads = await queryHandoffLeads(engine, query, { ...DEFAULT_ALIGNMENT, routing });
    const expected = Object.fromEntries(leads.map((l) => [l.lead_id, l.expected_team]));
    expect(expected).toMatchObject({ A1: "Big O'Brien", R2: "Big O'Brien", I1: "Inside Sales" });
    // Every Enterprise and Regional lead is now mis-routed, and I2 (1000+) too.
    expect(leads.filter((l) => l.routing === "misrouted")).toHaveLength(8);
  });

  it("re-judges the SLA when a target is edited", async () => {
    const targets = { reviewHours: 12, contactHours: 48, feedbackHours: 96 };
    const leads = await queryHandoffLeads(engine, query, { ...DEFAULT_ALIGNMENT, targets });
    expect(leads.filter((l) => l.sla === "missed").map((l) => l.lead_id)).toEqual(["I2", "R2"]);
  });
});

describe("SLA compliance, alignment score and outcomes", () => {
  it("scores each team from its SLA compliance and acceptance", async () => {
    const { teams } = await queryAlignment(engine, query, DEFAULT_ALIGNMENT);
    const row = (team: string) => teams.find((t) => t.key === team);
    expect(teams.map((t) => [t.key, t.handoffs])).toEqual([
      ["Enterprise", 3],
      ["Inside Sales", 3],
      ["Regional", 4],
    ]);
    expect(row("Enterprise")).toMatchObject({
      medianReviewHours: 1.5,
      medianContactHours: 6,
      medianFeedbackHours: 24,
      slaCompliance: { successes: 3, trials: 3 },
      acceptance: { successes: 3, trials: 3 },
      winRate: { successes: 2, trials: 3 },
      revenue: 70000,
    });
    expect(row("Enterprise")?.alignmentScore).toBeCloseTo(1, 10);
    expect(row("Regional")).toMatchObject({
      medianReviewHours: 3,
      medianContactHours: 39,
      medianFeedbackHours: 31,
      reviewSla: { successes: 2, trials: 4 },
      contactSla: { successes: 0, trials: 3 },
      feedbackSla: { successes: 2, trials: 4 },
      slaCompliance: { successes: 1, trials: 4 },
      acceptance: { successes: 2, trials: 4 },
      winRate: { successes: 1, trials: 2 },
      neverTouched: 1,
      rejected: 1,
    });
    expect(row("Regional")?.alignmentScore).toBeCloseTo(0.375, 10);
    expect(row("Inside Sales")).toMatchObject({
      medianReviewHours: 1,
      medianContactHours: 49,
      medianFeedbackHours: 5,
      contactSla: { successes: 1, trials: 2 },
      slaCompliance: { successes: 1, trials: 2 },
      acceptance: { successes: 2, trials: 3 },
      winRate: { successes: 0, trials: 1 },
      awaiting: 1,
    });
    expect(row("Inside Sales")?.alignmentScore).toBeCloseTo((1 + 0.5 + 1 + 2 / 3) / 4, 10);
  });

  it("flags every rate here as resting on too few leads and gives it a Wilson interval", async () => {
    const { teams } = await queryAlignment(engine, query, DEFAULT_ALIGNMENT);
    const regional = teams.find((t) => t.key === "Regional");
    expect(regional?.slaCompliance.tooFew).toBe(true);
    expect(regional?.slaCompliance.interval?.low).toBeCloseTo(0.0456, 3);
    expect(regional?.slaCompliance.interval?.high).toBeCloseTo(0.6994, 3);
  });

  it("compares outcomes of hand-offs that met the SLA with those that missed it", async () => {
    const { bySla } = await queryAlignment(engine, query, DEFAULT_ALIGNMENT);
    const group = (key: string) => bySla.find((g) => g.key === key);
    expect(group("met")).toMatchObject({
      handoffs: 5,
      sqlToOpportunity: { successes: 3, trials: 4 },
      winRate: { successes: 2, trials: 3 },
      customers: { successes: 2, trials: 5 },
      revenue: 70000,
    });
    expect(group("missed")).toMatchObject({
      handoffs: 4,
      sqlToOpportunity: { successes: 3, trials: 3 },
      winRate: { successes: 1, trials: 3 },
      customers: { successes: 1, trials: 4 },
      revenue: 10000,
    });
    expect(group("not_due")?.handoffs).toBe(1);
    expect(uplift(group("met")?.winRate.value ?? null, group("missed")?.winRate.value ?? null)).toBeCloseTo(
      1,
      10,
    );
    expect(PUBLISHED_EFFECT.winRate).toBe(0.38);
  });

  it("counts outcomes per time-to-first-contact bucket, empty buckets included", async () => {
    const { byContactBucket } = await queryAlignment(engine, query, DEFAULT_ALIGNMENT);
    expect(byContactBucket.map((b) => [b.key, b.handoffs, b.winRate.successes, b.winRate.trials])).toEqual([
      ["under_1h", 1, 1, 1],
      ["1_4h", 1, 0, 0],
      ["4_24h", 2, 1, 2],
      ["1_3d", 2, 1, 2],
      ["over_3d", 1, 0, 1],
      ["never", 3, 0, 0],
    ]);
  });

  it("says how many leads were mis-routed and what became of them", async () => {
    const { byRouting, misrouted, skippedMql, total } = await queryAlignment(
      engine,
      query,
      DEFAULT_ALIGNMENT,
    );
    expect(byRouting.map((g) => [g.key, g.handoffs])).toEqual([
      ["as_routed", 9],
      ["misrouted", 1],
    ]);
    expect(misrouted).toHaveLength(1);
    expect(misrouted[0]).toMatchObject({
      key: "Enterprise",
      subKey: "Inside Sales",
      handoffs: 1,
      acceptance: { successes: 1 },
      mqlToSql: { successes: 1 },
      winRate: { successes: 0, trials: 1 },
      closedWinRate: { successes: 0, trials: 1 },
    });
    expect(skippedMql).toBe(1);
    expect(total).toMatchObject({
      handoffs: 10,
      contactedBeforeMql: 1,
      slaCompliance: { successes: 5, trials: 9 },
    });
  });

  it("reports compliance per owner and per month of MQL", async () => {
    const { owners, months } = await queryAlignment(engine, query, DEFAULT_ALIGNMENT);
    expect(owners.map((o) => [o.subKey, o.slaCompliance.successes, o.slaCompliance.trials])).toEqual([
      ["Ann", 2, 2],
      ["Bob", 1, 1],
      ["Eve", 1, 2],
      ["Fay", 0, 0],
      ["Cat", 0, 2],
      ["Dan", 1, 2],
    ]);
    expect(months.map((m) => [m.key, m.handoffs, m.slaCompliance.successes, m.slaCompliance.trials])).toEqual(
      [
        ["2025-03", 9, 5, 9],
        ["2025-04", 1, 0, 0],
      ],
    );
  });

  it("applies the shared filters to the hand-offs", async () => {
    const filters = { segments: { team: ["Regional"] }, from: null, to: null };
    const leads = await queryHandoffLeads(engine, { filters }, DEFAULT_ALIGNMENT);
    expect(leads.map((l) => l.lead_id)).toEqual(["R1", "R2", "R3", "R4"]);
  });

  it("names the team that misses the SLA and its cost in win rate", () => {
    const team = (name: string, met: number, due: number, won: number, opps: number) => ({
      team: name,
      slaCompliance: { successes: met, trials: due, value: met / due, interval: null, tooFew: due < 20 },
      winRate: { successes: won, trials: opps, value: won / opps, interval: null, tooFew: opps < 20 },
    });
    expect(slaHeadline([team("Enterprise", 95, 100, 30, 100), team("Regional", 40, 100, 20, 100)], 0.9)).toBe(
      "Regional misses the hand-off SLA: 40.0 % of its hand-offs within SLA (goal 90.0 %). Its win rate is 20.0 % against 30.0 % for the other teams: 10.0 points lower.",
    );
    expect(slaHeadline([team("Enterprise", 95, 100, 30, 100)], 0.9)).toBe(
      "Every team with enough hand-offs to judge meets the SLA goal of 90.0 %.",
    );
    expect(slaHeadline([team("Enterprise", 1, 4, 1, 2)], 0.9)).toBe(
      "Too few hand-offs per team to judge SLA compliance (fewer than 20 due in every team).",
    );
  });

  it("refuses settings with a non-positive target or a band without a team", () => {
    expect(validAlignmentSettings(DEFAULT_ALIGNMENT)).toBe(true);
    const targets = { ...DEFAULT_ALIGNMENT.targets, contactHours: 0 };
    expect(validAlignmentSettings({ ...DEFAULT_ALIGNMENT, targets })).toBe(false);
    expect(validAlignmentSettings({ ...DEFAULT_ALIGNMENT, routing: [{ minEmployees: 1, team: " " }] })).toBe(
      false,
    );
  });
});

describe("every alignment query is valid SQL", () => {
  const where = filterWhere({ segments: { team: ["Regional", "O'Brien"] }, from: "2025-01-01", to: null });
  const params = [
    4,
    24,
    48,
    ...DEFAULT_ALIGNMENT.routing.flatMap((b) => [b.minEmployees, b.team]),
    ...where.params,
  ];
  const cases: [string, string, unknown[]][] = [
    ["hand-off leads", handoffLeadsSql(where.sql, 3), params],
    ["skipped MQL", skippedMqlSql(where.sql), where.params],
    ["skipped MQL, no filters", skippedMqlSql(""), []],
    ["hand-off tracking", handoffTrackingSql(), []],
    ["no routing bands", handoffLeadsSql("", 0), [4, 24, 48]],
    ...(Object.keys(GROUPINGS) as Grouping[]).map((g): [string, string, unknown[]] => [
      `groups by ${g}`,
      handoffGroupsSql(where.sql, 3, g),
      params,
    ]),
  ];
  it.each(cases)("EXPLAIN %s", async (_name, sql, bound) => {
    const plan = await engine.query(`EXPLAIN ${sql}`, bound as (string | number)[]);
    expect(plan.length).toBeGreaterThan(0);
  });
});

// test/fixtures/alignment-untracked.csv: a log with sales contacts and one rejection but no sales_review,
// sales_feedback or sales_accepted events, so review, feedback and acceptance (no SAL date anywhere)
// are not tracked; contact is. As-of = latest event = 2025-04-10 09:00 (R3's deal). Contact ≤ 24 h.
// | lead | team | size    | contact h | contact SLA       | SLA            | disposition  | bucket   | outcome             |
// | E1   | Ent  | 1000+   | 6         | met               | met            | not recorded | 4–24 h   | SQL, opp 50k, won   |
// | E2   | Ent  | 5000    | 48        | missed            | missed         | not recorded | 1–3 days | SQL, opp 20k, lost  |
// | E3   | Ent  | 1000+   | 1         | met               | met            | not recorded | 1–4 h    | SQL                 |
// | R1   | Reg  | 100-999 | —         | missed (overdue)  | missed         | never touched| never    | —                   |
// | R2   | Reg  | 250     | —         | n/a (rejected)    | not applicable | rejected     | never    | —                   |
// | R3   | Reg  | 100-999 | —         | missed (overdue)  | missed         | never touched| never    | SQL, opp 10k, won   |
// Review and feedback are "not tracked" for every lead: neither met nor missed. Per team:
// | team | hand-offs | contact SLA | whole SLA | acceptance  | score (contact only) | win rate |
// | Ent  | 3         | 2/3         | 2/3       | not tracked | 66.7 %               | 1/2      |
// | Reg  | 3         | 0/2         | 0/2       | not tracked | 0 %                  | 1/1      |
// Before: every hand-off "missed" its review (none recorded), so 0 % within SLA everywhere, and
// acceptance was MQL → SQL (Ent 3/3, Reg 1/3), halving the score.
describe("hand-off parts the data never records are not tracked", () => {
  let untracked: SqlEngine;
  /** For the inline logs below: each test imports its own, replacing the last. */
  let inline: SqlEngine;

  beforeAll(async () => {
    untracked = await createNodeEngine();
    await importFixture(untracked, "alignment-untracked.csv");
    inline = await createNodeEngine();
  });

  it("tracks a step only when the workspace has its event, acceptance only when it has SAL dates", async () => {
    expect(await queryHandoffTracking(untracked)).toEqual({
      review: false,
      contact: true,
      feedback: false,
      acceptance: false,
    });
    expect(await queryHandoffTracking(engine)).toEqual({
      review: true,
      contact: true,
      feedback: true,
      acceptance: true,
    });
  });

  it("judges the SLA on the tracked steps only: review and feedback are neither met nor missed", async () => {
    const leads = await queryHandoffLeads(untracked, query, DEFAULT_ALIGNMENT);
    const steps = Object.fromEntries(
      leads.map((l) => [l.lead_id, `${l.review_sla}/${l.contact_sla}/${l.feedback_sla} → ${l.sla}`]),
    );
    expect(steps).toEqual({
      E1: "not_tracked/met/not_tracked → met",
      E2: "not_tracked/missed/not_tracked → missed",
      E3: "not_tracked/met/not_tracked → met",
      R1: "not_tracked/missed/not_tracked → missed",
      R2: "not_tracked/not_applicable/not_tracked → not_applicable",
      R3: "not_tracked/missed/not_tracked → missed",
    });
    expect(Object.fromEntries(leads.map((l) => [l.lead_id, l.disposition]))).toEqual({
      E1: "not_recorded",
      E2: "not_recorded",
      E3: "not_recorded",
      R1: "never_touched",
      R2: "rejected",
      R3: "never_touched",
    });
    expect(Object.fromEntries(leads.map((l) => [l.lead_id, [l.contact_hours, l.contact_bucket]]))).toEqual({
      E1: [6, "4_24h"],
      E2: [48, "1_3d"],
      E3: [1, "1_4h"],
      R1: [null, "never"],
      R2: [null, "never"],
      R3: [null, "never"],
    });
  });

  it("leaves acceptance at 0 of 0 without SAL dates and scores each team on its tracked part only", async () => {
    const { teams, total, tracking } = await queryAlignment(untracked, query, DEFAULT_ALIGNMENT);
    expect(tracking).toEqual({ review: false, contact: true, feedback: false, acceptance: false });
    const row = (team: string) => teams.find((t) => t.key === team);
    expect(row("Enterprise")).toMatchObject({
      handoffs: 3,
      medianReviewHours: null,
      medianContactHours: 6,
      medianFeedbackHours: null,
      reviewSla: { successes: 0, trials: 0, value: null },
      contactSla: { successes: 2, trials: 3 },
      feedbackSla: { successes: 0, trials: 0, value: null },
      slaCompliance: { successes: 2, trials: 3 },
      acceptance: { successes: 0, trials: 0, value: null },
      scoreParts: ["contact"],
      scoreTooFew: true,
      winRate: { successes: 1, trials: 2 },
    });
    expect(row("Enterprise")?.alignmentScore).toBeCloseTo(2 / 3, 10);
    expect(row("Regional")).toMatchObject({
      handoffs: 3,
      contactSla: { successes: 0, trials: 2 },
      slaCompliance: { successes: 0, trials: 2 },
      acceptance: { trials: 0, value: null },
      alignmentScore: 0,
      scoreParts: ["contact"],
      rejected: 1,
      neverTouched: 2,
      winRate: { successes: 1, trials: 1 },
    });
    expect(total).toMatchObject({ handoffs: 6, slaCompliance: { successes: 2, trials: 5 } });
  });

  it("splits outcomes by the SLA judged on contact alone", async () => {
    const { bySla, byContactBucket } = await queryAlignment(untracked, query, DEFAULT_ALIGNMENT);
    expect(bySla.map((g) => [g.key, g.handoffs])).toEqual([
      ["met", 2],
      ["missed", 3],
      ["not_applicable", 1],
    ]);
    expect(bySla.find((g) => g.key === "met")).toMatchObject({
      sqlToOpportunity: { successes: 1, trials: 2 },
      winRate: { successes: 1, trials: 1 },
      revenue: 50000,
    });
    expect(bySla.find((g) => g.key === "missed")).toMatchObject({
      mqlToSql: { successes: 2, trials: 3 },
      sqlToOpportunity: { successes: 2, trials: 2 },
      winRate: { successes: 1, trials: 2 },
      revenue: 10000,
    });
    expect(byContactBucket.map((b) => [b.key, b.handoffs])).toEqual([
      ["under_1h", 0],
      ["1_4h", 1],
      ["4_24h", 1],
      ["1_3d", 1],
      ["over_3d", 0],
      ["never", 3],
    ]);
  });

  it("decides tracking on the whole workspace: a filtered team with no contacts still misses contact", async () => {
    // Regional alone records no sales_contact, but Enterprise does: R1 and R3 miss, R2 is n/a.
    const filters = { segments: { team: ["Regional"] }, from: null, to: null };
    const { teams, tracking } = await queryAlignment(untracked, { filters }, DEFAULT_ALIGNMENT);
    expect(tracking.contact).toBe(true);
    expect(teams.map((t) => [t.key, t.slaCompliance.successes, t.slaCompliance.trials])).toEqual([
      ["Regional", 0, 2],
    ]);
  });

  it("with no review, contact or feedback anywhere, no hand-off is met or missed and acceptance is the score", async () => {
    // N1: MQL 03-02, SQL 03-05 (skipped SAL: reached it). N2: MQL 03-03, SAL 03-04. No sales touches at all.
    // SLA: not tracked for both (before: both "missed" review, 0 of 2 within SLA). Acceptance 2 of 2 = score.
    const bare = inline;
    await importText(
      bare,
      "bare.csv",
      [
        "lead_id,occurred_at,activity,team",
        "N1,2025-03-01 08:00:00,became_lead,Enterprise",
        "N1,2025-03-02 09:00:00,became_mql,Enterprise",
        "N1,2025-03-05 09:00:00,became_sql,Enterprise",
        "N2,2025-03-01 08:00:00,became_lead,Enterprise",
        "N2,2025-03-03 09:00:00,became_mql,Enterprise",
        "N2,2025-03-04 09:00:00,sales_accepted,Enterprise",
      ].join("\n"),
    );
    const { total, bySla, tracking } = await queryAlignment(bare, query, DEFAULT_ALIGNMENT);
    expect(tracking).toEqual({ review: false, contact: false, feedback: false, acceptance: true });
    expect(bySla.map((g) => [g.key, g.handoffs])).toEqual([["not_tracked", 2]]);
    expect(total).toMatchObject({
      handoffs: 2,
      slaCompliance: { successes: 0, trials: 0, value: null },
      acceptance: { successes: 2, trials: 2 },
      alignmentScore: 1,
      scoreParts: ["acceptance"],
      neverTouched: 0,
    });
    const leads = await queryHandoffLeads(bare, query, DEFAULT_ALIGNMENT);
    expect(leads.map((l) => [l.lead_id, l.sla, l.disposition])).toEqual([
      ["N1", "not_tracked", "accepted"],
      ["N2", "not_tracked", "accepted"],
    ]);
  });

  it("counts outcomes only through stages the workspace records: no SQL or opportunity dates, no MQL → SQL or win rate", async () => {
    // W1: MQL 03-02, contact 1 h later, won 03-20 with no SQL or opportunity date. W2: MQL 03-03, contact 2 h.
    // Before: W1 "reached" SQL and opportunity through its deal, so MQL → SQL 1 of 2 and win rate 1 of 1 (100 %).
    // Now: SQL and opportunity not tracked → MQL → SQL, SQL → opportunity and win rate 0 of 0; deals are
    // recorded, so customers per hand-off 1 of 2.
    await importText(
      inline,
      "won-only.csv",
      [
        "lead_id,occurred_at,activity,team",
        "W1,2025-03-01 08:00:00,became_lead,Enterprise",
        "W1,2025-03-02 09:00:00,became_mql,Enterprise",
        "W1,2025-03-02 10:00:00,sales_contact,Enterprise",
        "W1,2025-03-20 09:00:00,deal_won,Enterprise",
        "W2,2025-03-01 08:00:00,became_lead,Enterprise",
        "W2,2025-03-03 09:00:00,became_mql,Enterprise",
        "W2,2025-03-03 11:00:00,sales_contact,Enterprise",
      ].join("\n"),
    );
    const { total, outcomeTracking } = await queryAlignment(inline, query, DEFAULT_ALIGNMENT);
    expect(outcomeTracking).toEqual({ sql: false, opportunity: false, deal: true });
    expect(total).toMatchObject({
      handoffs: 2,
      mqlToSql: { successes: 0, trials: 0, value: null },
      sqlToOpportunity: { trials: 0, value: null },
      winRate: { successes: 0, trials: 0, value: null },
      customers: { successes: 1, trials: 2 },
      contactSla: { successes: 2, trials: 2 },
    });
  });
});
