// How a deals export links to a contacts file imported with it, and what the Overview says about it: the
// funnel counts leads, the Pipeline deals, and a deal that links to no lead is a record of its own that
// the funnel counts as a lead that skipped the stages before opportunity. Counts worked out by hand below.

import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { dealLinksSql, queryDealLinks } from "../../src/metrics/dealLinks";
import { type DealLinkCounts, dealLinkSentences } from "../../src/model/dealLinks";
import { importWithStageHistory } from "../support/fixtures";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

const importFiles = (files: { name: string; csv: string }[]) => importWithStageHistory(engine, files);

const CONTACTS = [
  "Record ID,Email,Create Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date",
  "C1,c1@example.com,2025-01-01,2025-01-05,2025-01-10",
  "C2,c2@example.com,2025-01-02,2025-01-06,",
  "C3,c3@example.com,2025-01-03,2025-01-07,2025-01-12",
  "C4,c4@example.com,2025-01-04,,",
].join("\n");

const DEALS_HEADER =
  'Record ID,Deal Name,Deal Stage,Pipeline,Amount,Create Date,Close Date,Contact ID,"Date entered ""Discovery (Sales Pipeline)""","Date entered ""Closed Won (Sales Pipeline)""","Date entered ""Closed Lost (Sales Pipeline)"""';

const counts = (): Promise<DealLinkCounts> => queryDealLinks(engine);

describe("a contacts file and a deals export imported together", () => {
  // | deal | Contact ID | outcome | links to            |
  // | D1   | C1         | won     | C1 (a lead)         |
  // | D2   | C1         | lost    | C1                  |
  // | D3   | C3         | open    | C3                  |
  // | D4   | (empty)    | open    | nothing: record D4  |
  // | D5   | C9         | lost    | no lead: record C9  |
  // | D6   | C9         | open    | no lead: record C9  |
  // 6 deals: 3 linked to 2 leads (C1 has two), 3 unlinked (1 without a value, 2 with C9, which no contact
  // has) making 2 records of their own (D4, C9). C2 and C4 have no deal. The funnel then counts 6 records
  // (C1–C4, D4, C9) where the contacts file has 4 leads.
  beforeAll(() =>
    importFiles([
      { name: "contacts.csv", csv: CONTACTS },
      {
        name: "deals.csv",
        csv: [
          DEALS_HEADER,
          "D1,A,Closed Won,Sales Pipeline,100,2025-01-15,2025-01-30,C1,2025-01-15,2025-01-30,",
          "D2,B,Closed Lost,Sales Pipeline,100,2025-01-16,2025-02-01,C1,2025-01-16,,2025-02-01",
          "D3,C,Discovery,Sales Pipeline,100,2025-01-20,2025-04-30,C3,2025-01-20,,",
          "D4,D,Discovery,Sales Pipeline,100,2025-01-21,2025-04-30,,2025-01-21,,",
          "D5,E,Closed Lost,Sales Pipeline,100,2025-01-22,2025-02-05,C9,2025-01-22,,2025-02-05",
          "D6,F,Discovery,Sales Pipeline,100,2025-01-23,2025-04-30,C9,2025-01-23,,",
        ].join("\n"),
      },
    ]),
  );

  it("counts linked deals, the leads they belong to and the unlinked deals by why", async () => {
    expect(await counts()).toEqual({
      deals: 6,
      linkedDeals: 3,
      withoutLinkValue: 1,
      unmatchedLinkValue: 2,
      linkedLeads: 2,
      leadsWithSeveralDeals: 1,
      unlinkedRecords: 2,
      dealIdIsLeadId: 0,
      leadRecords: true,
    });
  });

  it("rests on what the funnel does: a lead with a won and a lost deal is won, an unlinked deal skipped MQL", async () => {
    // As-of is D5's close date, 02-05: D4, created 01-21, is in progress; C9 has D5 lost (and D6 open).
    const rows = await engine.query<{
      lead_id: string;
      lead_record: boolean;
      mql: boolean;
      skipped: boolean;
    }>(
      `SELECT lead_id, lead_record, mql_reached_at IS NOT NULL AS mql, mql_at IS NULL AS skipped, status
       FROM lead_stages WHERE lead_id IN ('C1', 'D4', 'C9') ORDER BY lead_id`,
    );
    expect(rows).toEqual([
      { lead_id: "C1", lead_record: true, mql: true, skipped: false, status: "won" },
      { lead_id: "C9", lead_record: false, mql: true, skipped: true, status: "lost" },
      { lead_id: "D4", lead_record: false, mql: true, skipped: true, status: "in_progress" },
    ]);
  });

  it("says why the Overview and the Pipeline differ and how many deals did not link", async () => {
    expect(dealLinkSentences(await counts())).toEqual([
      "The funnel counts leads, the Pipeline counts deals: the 3 deals linked to a lead in the lead file belong to " +
        "2 leads (1 lead has more than one deal; a lead counts once, as won when any of its deals is won).",
      "3 deals link to no lead in the lead file (1 has no link value, 2 a value no lead has): the funnel counts " +
        "them as 2 leads of their own that skipped the stages before opportunity, which lifts the conversion " +
        "rates of the steps before it.",
    ]);
  });

  it("passes an EXPLAIN check", async () => {
    await engine.query(`EXPLAIN ${dealLinksSql()}`);
  });
});

describe("a deal without a link value whose deal id is a lead's id", () => {
  // Contacts 101 and 102. Deal 101 has no Contact ID: its events are keyed by its deal id, 101, which is
  // contact 101's id, so the funnel counts it as that contact's deal. Deal 900 links to 102.
  beforeAll(() =>
    importFiles([
      {
        name: "contacts.csv",
        csv: [
          "Record ID,Create Date,Became a Marketing Qualified Lead Date",
          "101,2025-01-01,",
          "102,2025-01-02,2025-01-03",
        ].join("\n"),
      },
      {
        name: "deals.csv",
        csv: [
          DEALS_HEADER,
          "101,A,Discovery,Sales Pipeline,100,2025-01-15,2025-04-30,,2025-01-15,,",
          "900,B,Discovery,Sales Pipeline,100,2025-01-16,2025-04-30,102,2025-01-16,,",
        ].join("\n"),
      },
    ]),
  );

  it("counts it as unlinked, and says the funnel gave it to the lead", async () => {
    const found = await counts();
    expect(found).toMatchObject({
      deals: 2,
      linkedDeals: 1,
      withoutLinkValue: 1,
      unlinkedRecords: 0,
      dealIdIsLeadId: 1,
    });
    expect(dealLinkSentences(found)).toEqual([
      "The funnel counts leads, the Pipeline counts deals: the 1 deal linked to a lead in the lead file belongs to 1 lead.",
      "1 deal links to no lead in the lead file (it has no link value): it does not count in the funnel as a lead of its own.",
      "1 deal without a link value has the ID of a lead in the lead file, so the funnel counts it as that lead's deal.",
    ]);
  });
});

describe("a deals export alone", () => {
  // No lead file: the funnel starts at opportunity and counts deals, so there is nothing to reconcile.
  beforeAll(() =>
    importFiles([
      {
        name: "deals.csv",
        csv: [DEALS_HEADER, "D1,A,Discovery,Sales Pipeline,100,2025-01-15,2025-04-30,C1,2025-01-15,,"].join(
          "\n",
        ),
      },
    ]),
  );

  it("says nothing", async () => {
    const found = await counts();
    expect(found).toMatchObject({ deals: 1, linkedDeals: 0, unmatchedLinkValue: 1, leadRecords: false });
    expect(dealLinkSentences(found)).toEqual([]);
  });
});

describe("a contacts file and a deals file without stage history", () => {
  // The deals table holds only deals imported with stage history: here it is empty, and nothing is said.
  beforeAll(() =>
    importFiles([
      { name: "contacts.csv", csv: CONTACTS },
      {
        name: "deals.csv",
        csv: [
          "Record ID,Deal Name,Deal Stage,Create Date,Close Date,Contact ID",
          "D1,A,Closed Won,2025-01-15,2025-01-30,C1",
        ].join("\n"),
      },
    ]),
  );

  it("says nothing", async () => {
    expect(await counts()).toMatchObject({ deals: 0, leadRecords: true });
    expect(dealLinkSentences(await counts())).toEqual([]);
  });
});
