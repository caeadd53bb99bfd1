// Campaign report rows for component and headline tests: a name with its leads and MQLs, every later
// stage empty, the MQL yield's interval and the small-sample flag as the model computes them.

import {
  ALL_TRACKED,
  type CampaignReport,
  type CampaignRow,
  isTooSmallToJudge,
} from "../../src/model/campaigns";
import { wilsonInterval } from "../../src/model/stats";

export function campaignRow(name: string, leads: number, mqls: number): CampaignRow {
  const interval = wilsonInterval(mqls, leads);
  return {
    name,
    leads,
    mqls,
    sqls: 0,
    opportunities: 0,
    deals: 0,
    revenue: 0,
    mqlYield: leads > 0 ? mqls / leads : null,
    mqlYieldInterval: interval,
    sqlRate: null,
    opportunityRate: null,
    dealRate: null,
    spend: null,
    costPerLead: null,
    costPerMql: null,
    costPerSql: null,
    costPerDeal: null,
    roi: null,
    tooSmallToJudge: isTooSmallToJudge(leads, interval),
  };
}

/** A first-touch report of `rows`, every stage tracked, no spend; totals are the rows' sums. */
export function campaignReport(
  rows: CampaignRow[],
  dimension: CampaignReport["dimension"] = "campaign",
): CampaignReport {
  return {
    dimension,
    attribution: "first_touch",
    rows,
    totals: {
      leads: rows.reduce((n, r) => n + r.leads, 0),
      mqls: rows.reduce((n, r) => n + (r.mqls ?? 0), 0),
      revenue: 0,
      spend: null,
    },
    hasSpend: false,
    tracked: ALL_TRACKED,
  };
}
