// How the imported deals link to the lead file's leads, workspace-wide: why the Overview (which counts
// leads) and the Pipeline (which counts deals) differ, and how many deals became records of their own.

import type { SqlEngine } from "../db/engine";
import type { DealLinkCounts } from "../model/dealLinks";
import { LIVE_DEAL_TABLES } from "../warehouse/dealStages";
import { LIVE_TABLES } from "../warehouse/derive";
import { defineMetric } from "./metric";

/**
 * One row. The import keys a deal's events by `coalesce(link value, deal id)` (toEvents.ts) and fills
 * `deals.lead_id` with the same link value (NULL without one), so each deal is looked up in lead_stages
 * under that key once (`keyed`):
 * - linked: it has a link value and the record under it is a lead record (from a lead file or log);
 * - unmatched: it has a link value that no lead record has (its record, if any, is its deals' own);
 * - no link value: its record is keyed by its deal id — its own, unless a lead happens to have that id.
 * `unlinkedRecords` counts the records the unlinked deals make in lead_stages (a deal with no date makes
 * none; deals sharing an unmatched value make one).
 */
export function dealLinksSql(): string {
  return `WITH keyed AS (
  SELECT d.deal_id, d.lead_id, coalesce(d.lead_id, d.deal_id) AS record_id, l.lead_record
  FROM ${LIVE_DEAL_TABLES.deals} d
  LEFT JOIN ${LIVE_TABLES.leadStages} l ON l.lead_id = coalesce(d.lead_id, d.deal_id)
),
links AS (
  SELECT *, lead_id IS NOT NULL AND coalesce(lead_record, FALSE) AS linked FROM keyed
),
deals_per_lead AS (
  SELECT lead_id, count(*) AS deals FROM links WHERE linked GROUP BY lead_id
)
SELECT
  count(*)::INTEGER AS deals,
  count(*) FILTER (WHERE linked)::INTEGER AS "linkedDeals",
  count(*) FILTER (WHERE lead_id IS NULL)::INTEGER AS "withoutLinkValue",
  count(*) FILTER (WHERE lead_id IS NOT NULL AND NOT linked)::INTEGER AS "unmatchedLinkValue",
  count(DISTINCT lead_id) FILTER (WHERE linked)::INTEGER AS "linkedLeads",
  (SELECT count(*) FROM deals_per_lead WHERE deals > 1)::INTEGER AS "leadsWithSeveralDeals",
  count(DISTINCT record_id) FILTER (WHERE NOT linked AND NOT lead_record)::INTEGER AS "unlinkedRecords",
  count(*) FILTER (WHERE lead_id IS NULL AND lead_record)::INTEGER AS "dealIdIsLeadId",
  coalesce((SELECT any_value(lead) FROM ${LIVE_TABLES.trackedStages}), FALSE) AS "leadRecords"
FROM links`;
}

export async function queryDealLinks(engine: SqlEngine): Promise<DealLinkCounts> {
  const [row] = await engine.query<DealLinkCounts>(dealLinksSql());
  if (!row) throw new Error("No data is loaded");
  return { ...row, leadRecords: Boolean(row.leadRecords) };
}

/** The deals' links to the lead file: workspace-wide, asked once per data version (no filters). */
export const dealLinksMetric = defineMetric("deal-links", [], (engine) => queryDealLinks(engine));
