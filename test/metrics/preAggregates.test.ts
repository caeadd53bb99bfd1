// The per-lead tables derive builds once per data for the analysis screens (warehouse/derive.ts), on a
// small inline log whose answers are worked out by hand below. All times 2025-03, naive.
//
// | lead | events                                                                          |
// | H1   | lead 01 08:00 (Enterprise, "1,500"); page view 01 08:00 twice (one visit), again 03 08:00;   |
// |      | download 01 09:00 twice (exact duplicate) and 01 10:00; webinar 01 11:00;        |
// |      | sales contact 01 12:00 (before MQL); MQL 02 09:00; review 02 10:00 and 02 11:00; |
// |      | contact 02 15:00; feedback 04 09:00                                              |
// | H2   | lead 01 08:00 (Regional, "100-999"); review 04 09:00 (before MQL);               |
// |      | demo request and pricing visit both 04 12:00; MQL 05 09:00                       |
// | H3   | lead 01 08:00 (Inside Sales, no size); page view 02 08:00; no MQL                |
//
// lead_handoffs (leads with an MQL date): H1 review 02 10:00 (the first at or after MQL), contact
// 02 15:00 (the 01 12:00 one came before MQL: counted, 1), feedback 04 09:00, 1,500 employees;
// H2 nothing after its MQL (its review came before), 100 employees. H3 has no hand-off.
// scored_touches (distinct, by time then activity, with counts so far): H1 download 1, download 2,
// webinar (2 downloads, 1 webinar); H2 demo_request (1) then pricing_visit (1 demo, 1 pricing).
// lead_behaviour: H1 first page view 01 08:00, repeat 03 08:00, 2 downloads, 1 webinar, first sales
// contact 01 12:00 (first of any); H2 no page view, 1 demo, 1 pricing visit; H3 page view 02 08:00, no repeat.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { queryFunnelCounts, validWindow } from "../../src/metrics/funnel";
import { NO_FILTERS } from "../../src/model/filters";
import { WINDOW_DAYS } from "../../src/model/settingsBounds";
import { importText } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

const LOG = [
  "lead_id,occurred_at,activity,team,company_size",
  'H1,2025-03-01 08:00:00,became_lead,Enterprise,"1,500"',
  'H1,2025-03-01 08:00:00,page_view,Enterprise,"1,500"',
  'H1,2025-03-01 08:00:00,page_view,Enterprise,"1,500"',
  'H1,2025-03-03 08:00:00,page_view,Enterprise,"1,500"',
  'H1,2025-03-01 09:00:00,content_download,Enterprise,"1,500"',
  'H1,2025-03-01 09:00:00,content_download,Enterprise,"1,500"',
  'H1,2025-03-01 10:00:00,content_download,Enterprise,"1,500"',
  'H1,2025-03-01 11:00:00,webinar,Enterprise,"1,500"',
  'H1,2025-03-01 12:00:00,sales_contact,Enterprise,"1,500"',
  'H1,2025-03-02 09:00:00,became_mql,Enterprise,"1,500"',
  'H1,2025-03-02 10:00:00,sales_review,Enterprise,"1,500"',
  'H1,2025-03-02 11:00:00,sales_review,Enterprise,"1,500"',
  'H1,2025-03-02 15:00:00,sales_contact,Enterprise,"1,500"',
  'H1,2025-03-04 09:00:00,sales_feedback,Enterprise,"1,500"',
  "H2,2025-03-01 08:00:00,became_lead,Regional,100-999",
  "H2,2025-03-04 09:00:00,sales_review,Regional,100-999",
  "H2,2025-03-04 12:00:00,pricing_visit,Regional,100-999",
  "H2,2025-03-04 12:00:00,demo_request,Regional,100-999",
  "H2,2025-03-05 09:00:00,became_mql,Regional,100-999",
  "H3,2025-03-01 08:00:00,became_lead,Inside Sales,",
  "H3,2025-03-02 08:00:00,page_view,Inside Sales,",
].join("\n");

const time = (column: string) => `strftime(${column}, '%d %H:%M') AS ${column}`;

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await importText(engine, "handoffs.csv", LOG);
});

describe("lead_handoffs: one row per hand-off, built once per data", () => {
  it("keeps the first review, contact and feedback at or after the MQL and counts contacts before it", async () => {
    const rows = await engine.query(
      `SELECT lead_id, team, company_size, employees, ${time("mql_at")}, ${time("review_at")}, ${time("contact_at")},
        ${time("feedback_at")}, contacts_before_mql
       FROM lead_handoffs ORDER BY lead_id`,
    );
    expect(rows).toEqual([
      {
        lead_id: "H1",
        team: "Enterprise",
        company_size: "1,500",
        employees: 1500,
        mql_at: "02 09:00",
        review_at: "02 10:00",
        contact_at: "02 15:00",
        feedback_at: "04 09:00",
        contacts_before_mql: 1,
      },
      {
        lead_id: "H2",
        team: "Regional",
        company_size: "100-999",
        employees: 100,
        mql_at: "05 09:00",
        review_at: null,
        contact_at: null,
        feedback_at: null,
        contacts_before_mql: 0,
      },
    ]);
  });

  it("carries the filter columns, so the shared filters apply without a join", async () => {
    const [row] = await engine.query<{ cohort_day: string; campaign: string }>(
      "SELECT strftime(cohort_day, '%Y-%m-%d') AS cohort_day, campaign FROM lead_handoffs WHERE lead_id = 'H2'",
    );
    expect(row).toEqual({ cohort_day: "2025-03-01", campaign: "(none)" });
  });
});

describe("scored_touches: the scored behaviours in running-score order", () => {
  it("counts an exact duplicate once and orders same-time touches by activity", async () => {
    const rows = await engine.query(
      `SELECT lead_id, ${time("occurred_at")}, activity, content_download_so_far AS downloads,
        webinar_so_far AS webinars, pricing_visit_so_far AS pricing, demo_request_so_far AS demos
       FROM scored_touches ORDER BY lead_id, occurred_at, activity`,
    );
    expect(rows).toEqual([
      {
        lead_id: "H1",
        occurred_at: "01 09:00",
        activity: "content_download",
        downloads: 1,
        webinars: 0,
        pricing: 0,
        demos: 0,
      },
      {
        lead_id: "H1",
        occurred_at: "01 10:00",
        activity: "content_download",
        downloads: 2,
        webinars: 0,
        pricing: 0,
        demos: 0,
      },
      {
        lead_id: "H1",
        occurred_at: "01 11:00",
        activity: "webinar",
        downloads: 2,
        webinars: 1,
        pricing: 0,
        demos: 0,
      },
      {
        lead_id: "H2",
        occurred_at: "04 12:00",
        activity: "demo_request",
        downloads: 0,
        webinars: 0,
        pricing: 0,
        demos: 1,
      },
      {
        lead_id: "H2",
        occurred_at: "04 12:00",
        activity: "pricing_visit",
        downloads: 0,
        webinars: 0,
        pricing: 1,
        demos: 1,
      },
    ]);
  });
});

describe("lead_behaviour: one row per lead with its first event of each activity", () => {
  it("keeps first and repeat page views, first events and scored-behaviour counts", async () => {
    const rows = await engine.query(
      `SELECT lead_id, ${time("first_page_view_at")}, ${time("repeat_page_view_at")},
        ${time("first_content_download_at")}, ${time("first_sales_contact_at")}, ${time("first_became_mql_at")},
        content_download_touches, webinar_touches, pricing_visit_touches, demo_request_touches
       FROM lead_behaviour ORDER BY lead_id`,
    );
    expect(rows).toEqual([
      {
        lead_id: "H1",
        first_page_view_at: "01 08:00",
        repeat_page_view_at: "03 08:00",
        first_content_download_at: "01 09:00",
        first_sales_contact_at: "01 12:00",
        first_became_mql_at: "02 09:00",
        content_download_touches: 2,
        webinar_touches: 1,
        pricing_visit_touches: 0,
        demo_request_touches: 0,
      },
      {
        lead_id: "H2",
        first_page_view_at: null,
        repeat_page_view_at: null,
        first_content_download_at: null,
        first_sales_contact_at: null,
        first_became_mql_at: "05 09:00",
        content_download_touches: 0,
        webinar_touches: 0,
        pricing_visit_touches: 1,
        demo_request_touches: 1,
      },
      {
        lead_id: "H3",
        first_page_view_at: "02 08:00",
        repeat_page_view_at: null,
        first_content_download_at: null,
        first_sales_contact_at: null,
        first_became_mql_at: null,
        content_download_touches: 0,
        webinar_touches: 0,
        pricing_visit_touches: 0,
        demo_request_touches: 0,
      },
    ]);
  });
});

describe("tracked_stages: which hand-off steps the data records, decided once per data", () => {
  it("records reviews, contacts and feedback when any lead has them", async () => {
    const [row] = await engine.query(
      "SELECT review_recorded, contacts_recorded, feedback_recorded FROM tracked_stages",
    );
    expect(row).toEqual({ review_recorded: true, contacts_recorded: true, feedback_recorded: true });
  });

  it("records none of them in a log without sales steps, and builds empty hand-off tables", async () => {
    const bare = await createNodeEngine();
    await importText(
      bare,
      "bare.csv",
      ["lead_id,occurred_at,activity", "B1,2025-03-01 08:00:00,became_lead"].join("\n"),
    );
    const [row] = await bare.query(
      "SELECT review_recorded, contacts_recorded, feedback_recorded FROM tracked_stages",
    );
    expect(row).toEqual({ review_recorded: false, contacts_recorded: false, feedback_recorded: false });
    const [counts] = await bare.query(
      "SELECT (SELECT count(*) FROM lead_handoffs)::INTEGER AS handoffs, (SELECT count(*) FROM scored_touches)::INTEGER AS touches, (SELECT count(*) FROM lead_behaviour)::INTEGER AS leads",
    );
    expect(counts).toEqual({ handoffs: 0, touches: 0, leads: 1 });
  }, 120_000);
});

describe("the conversion window's bounds", () => {
  it("accepts whole days within the control's bounds and refuses the rest", async () => {
    expect(validWindow(null)).toBeNull();
    expect(validWindow(WINDOW_DAYS.min)).toBe(1);
    expect(validWindow(WINDOW_DAYS.max)).toBe(3650);
    for (const days of [0, -5, 2.5, WINDOW_DAYS.max + 1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => validWindow(days)).toThrow(/conversion window/);
    await expect(queryFunnelCounts(engine, { filters: NO_FILTERS, windowDays: 3651 })).rejects.toThrow(
      /1–3,650/,
    );
    const counts = await queryFunnelCounts(engine, { filters: NO_FILTERS, windowDays: 3650 });
    expect(counts.windowDays).toBe(3650);
  });
});
