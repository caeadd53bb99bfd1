// The Campaigns screen: campaigns (channels, sources) by MQL yield, with downstream rates and cost, and
// the lead-scoring model below.

import { useState } from "react";
import { useMetric } from "../../app/useMetric";
import { queryCampaigns } from "../../metrics/campaigns";
import {
  ATTRIBUTION_DESCRIPTIONS,
  ATTRIBUTION_LABELS,
  ATTRIBUTIONS,
  type Attribution,
  CAMPAIGN_DIMENSION_LABELS,
  CAMPAIGN_DIMENSIONS,
  type CampaignDimension,
  type CampaignReport,
  type CampaignRow,
  campaignHeadline,
  formatCredit,
  formatCreditRate,
} from "../../model/campaigns";
import { type CsvCell, toCsv } from "../../model/csv";
import { formatMoney, formatPercent } from "../../model/format";
import { downloadText } from "../../ui/download";
import { DefinitionsPanel } from "../Definitions/DefinitionsPanel";
import { VolumeYieldChart, YieldChart } from "./CampaignCharts";
import { CampaignTable, type SortKey, sortRows } from "./CampaignTable";
import { ScoringSection } from "./ScoringSection";

export const CAMPAIGN_TABLE_FILE = "campaign-table.csv";

function campaignCsv(report: CampaignReport, rows: readonly CampaignRow[]): string {
  const header = [
    report.dimension,
    "attribution",
    "leads",
    "mqls",
    "mql_yield",
    "mql_yield_low",
    "mql_yield_high",
    "too_small_to_judge",
    "sqls",
    "sql_rate_of_mqls",
    "opportunities",
    "opportunity_rate_of_mqls",
    "deals",
    "deal_rate_of_mqls",
    "revenue",
    "spend",
    "cost_per_lead",
    "cost_per_mql",
    "cost_per_sql",
    "cost_per_deal",
    "roi",
  ];
  const body: CsvCell[][] = rows.map((r) => [
    r.name,
    report.attribution,
    r.leads,
    r.mqls,
    r.mqlYield,
    r.mqlYieldInterval?.low ?? null,
    r.mqlYieldInterval?.high ?? null,
    r.tooSmallToJudge ? "yes" : "no",
    r.sqls,
    r.sqlRate,
    r.opportunities,
    r.opportunityRate,
    r.deals,
    r.dealRate,
    r.revenue,
    r.spend,
    r.costPerLead,
    r.costPerMql,
    r.costPerSql,
    r.costPerDeal,
    r.roi,
  ]);
  return toCsv([header, ...body]);
}

function CampaignReportView(props: { report: CampaignReport }) {
  const { report } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "leads", descending: true });
  const rows = sortRows(report.rows, sort.key, sort.descending);
  const showCost = report.hasSpend && report.dimension === "campaign";
  return (
    <>
      <p className="headline campaigns-headline" data-campaign-headline="true">
        {campaignHeadline(report)}.
      </p>
      <p className="view-note">
        {formatCredit(report.totals.leads)} leads, {formatCreditRate(report.totals.mqls, report.totals.leads)}{" "}
        became MQLs; revenue {formatMoney(report.totals.revenue)}
        {report.totals.spend !== null && `; spend ${formatMoney(report.totals.spend)}`}
        {report.totals.spend !== null &&
          report.totals.spend > 0 &&
          `; ROI ${formatPercent((report.totals.revenue - report.totals.spend) / report.totals.spend)}`}
        . {ATTRIBUTION_LABELS[report.attribution]} attribution: {ATTRIBUTION_DESCRIPTIONS[report.attribution]}
        {report.hasSpend &&
          report.dimension !== "campaign" &&
          " Spend is known per campaign, so cost shows by campaign only."}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => downloadText(CAMPAIGN_TABLE_FILE, campaignCsv(report, rows), "text/csv;charset=utf-8")}
      >
        Download campaign table
      </button>
      <CampaignTable
        report={report}
        rows={rows}
        showCost={showCost}
        sort={sort}
        onSort={(key) =>
          setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== "name" }))
        }
      />
      <div className="chart-grid">
        <YieldChart report={report} />
        <VolumeYieldChart report={report} />
      </div>
    </>
  );
}

export function CampaignsView() {
  const [dimension, setDimension] = useState<CampaignDimension>("campaign");
  const [attribution, setAttribution] = useState<Attribution>("first_touch");
  const state = useMetric(
    (engine, context) =>
      queryCampaigns(engine, {
        filters: context.filters,
        dimension,
        attribution,
        windowDays: context.windowDays,
      }),
    [dimension, attribution],
  );
  return (
    <section className="campaigns" aria-labelledby="campaigns-title">
      <header className="view-header">
        <h2 id="campaigns-title">Campaigns by MQL yield</h2>
        <div className="filter-bar">
          <label className="filter">
            Group by
            <select
              value={dimension}
              onChange={(e) => setDimension(e.currentTarget.value as CampaignDimension)}
            >
              {CAMPAIGN_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {CAMPAIGN_DIMENSION_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            Attribution
            <select
              value={attribution}
              onChange={(e) => setAttribution(e.currentTarget.value as Attribution)}
            >
              {ATTRIBUTIONS.map((a) => (
                <option key={a} value={a}>
                  {ATTRIBUTION_LABELS[a]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {state.status === "loading" && (
        <div className="view-state" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <p>Loading campaigns…</p>
        </div>
      )}
      {state.status === "error" && (
        <div className="view-state view-state-error" role="alert">
          <h3>The campaigns could not be shown</h3>
          <p>{state.message}</p>
        </div>
      )}
      {state.status === "ready" && <CampaignReportView report={state.data} />}
      <ScoringSection />
      <DefinitionsPanel />
    </section>
  );
}
