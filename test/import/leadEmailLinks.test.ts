// Deals that name their lead by email link to the lead file's id through its email column (an audit found
// every such deal counted as a lead of its own when the contacts export was keyed by Record ID).
//
// contacts: 101 Ann (ann@x.com), 102 Bob (bob@x.com), 103 with no email.
// deals: D1 " Ann@X.com " (case and spaces differ) won, D2 bob@x.com lost, D3 carl@x.com (no such contact)
// open, D4 no email open. Linked: D1 → 101, D2 → 102. D3 and D4 link to no contact: records of their own,
// D3 under its email as before, D4 under its deal id. Lead records: 101, 102, 103, carl@x.com, D4 = 5.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { importWithStageHistory } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

const CONTACTS = [
  "Record ID,First Name,Email,Create Date,Lifecycle Stage,Became a Marketing Qualified Lead Date",
  "101,Ann,ann@x.com,2025-01-01,opportunity,2025-01-02",
  "102,Bob,bob@x.com,2025-01-02,opportunity,2025-01-03",
  "103,Cem,,2025-01-03,lead,",
].join("\n");

const DEALS = [
  'Record ID,Deal Name,Deal Stage,Pipeline,Amount,Create Date,Close Date,Contact Email,"Date entered ""Discovery (Sales Pipeline)""","Date entered ""Closed Won (Sales Pipeline)""","Date entered ""Closed Lost (Sales Pipeline)"""',
  "D1,Ann deal,Closed Won,Sales Pipeline,100,2025-01-05,2025-01-20, Ann@X.com ,2025-01-05,2025-01-20,",
  "D2,Bob deal,Closed Lost,Sales Pipeline,100,2025-01-06,2025-01-21,bob@x.com,2025-01-06,,2025-01-21",
  "D3,Carl deal,Discovery,Sales Pipeline,100,2025-01-07,2025-03-01,carl@x.com,2025-01-07,,",
  "D4,No contact,Discovery,Sales Pipeline,100,2025-01-08,2025-03-01,,2025-01-08,,",
].join("\n");

beforeAll(async () => {
  engine = await createNodeEngine();
  const { plans } = await importWithStageHistory(engine, [
    { name: "contacts.csv", csv: CONTACTS },
    { name: "deals.csv", csv: DEALS },
  ]);
  expect(plans.map((p) => [p.kind, p.mapping.lead_id, p.mapping.lead_email])).toEqual([
    ["leads", "Record ID", "Email"],
    ["deals", "Contact Email", undefined],
  ]);
});

describe("deals naming their lead by email", () => {
  it("link to the lead file's id, whatever the email's case and spaces", async () => {
    const deals = await engine.query<{ deal_id: string; lead_id: string | null }>(
      "SELECT deal_id, lead_id FROM deals ORDER BY deal_id",
    );
    expect(deals).toEqual([
      { deal_id: "D1", lead_id: "101" },
      { deal_id: "D2", lead_id: "102" },
      { deal_id: "D3", lead_id: "carl@x.com" },
      { deal_id: "D4", lead_id: null },
    ]);
  });

  it("count as the lead's opportunity and deal in the funnel, not as leads of their own", async () => {
    const leads = await engine.query<{ lead_id: string; lead_record: boolean; won: boolean; lost: boolean }>(
      `SELECT lead_id, lead_record, won_at IS NOT NULL AS won, lost_at IS NOT NULL AS lost
       FROM lead_stages ORDER BY lead_id`,
    );
    expect(leads).toEqual([
      { lead_id: "101", lead_record: true, won: true, lost: false },
      { lead_id: "102", lead_record: true, won: false, lost: true },
      { lead_id: "103", lead_record: true, won: false, lost: false },
      { lead_id: "D4", lead_record: false, won: false, lost: false },
      { lead_id: "carl@x.com", lead_record: false, won: false, lost: false },
    ]);
  });
});
