// The Campaigns screen: campaigns (channels, sources) by MQL yield, with downstream rates and cost, and
// the lead-scoring model below.

import { useState } from "react";
import { csvWithContext } from "../../app/outputContext";
import { campaignsMetric } from "../../metrics/campaigns";
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
  firstUntracked,
  formatCredit,
  formatCreditRate,
  mqlYieldNotTracked,
  UNTRACKED_REASONS,
} from "../../model/campaigns";
import type { CsvCell } from "../../model/csv";
import { formatMoney, formatPercent } from "../../model/format";
import type { Stage } from "../../model/stages";
import { useQuery } from "../../queries/useQuery";
import { downloadText } from "../../ui/download";
import { QueryState } from "../../ui/QueryState";
import { DefinitionsPanel } from "../Definitions/DefinitionsPanel";
import { CohortOnlyNote } from "../Filters/CohortOnlyNote";
import { VolumeYieldChart, YieldChart } from "./CampaignCharts";
import { CampaignTable, type SortKey, sortRows } from "./CampaignTable";
import { ScoringSection } from "./ScoringSection";

export const CAMPAIGN_TABLE_FILE = "campaign-table.csv";

function campaignTableRows(report: CampaignReport, rows: readonly CampaignRow[]): CsvCell[][] {
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
  return [header, ...body];
}

/** "1,600 leads, 24.0 % · 384 of 1,600 became MQLs; revenue 12,000; spend 5,000; ROI 140.0 %". */
export function totalsText(report: CampaignReport): string {
  const { leads, mqls, revenue, spend } = report.totals;
  const parts = [
    mqls === null
      ? `${formatCredit(leads)} leads; MQLs not tracked (${UNTRACKED_REASONS.mql})`
      : `${formatCredit(leads)} leads, ${formatCreditRate(mqls, leads)} became MQLs`,
    revenue === null ? `revenue not tracked (${UNTRACKED_REASONS.deal})` : `revenue ${formatMoney(revenue)}`,
  ];
  if (spend !== null) parts.push(`spend ${formatMoney(spend)}`);
  if (spend !== null && spend > 0 && revenue !== null)
    parts.push(`ROI ${formatPercent((revenue - spend) / spend)}`);
  return parts.join("; ");
}

/** One sentence naming each rate column the data cannot fill, and why; null when it fills them all. */
export function untrackedColumnsNote(report: CampaignReport): string | null {
  const columns: [string, Stage[]][] = [
    ["MQL yield", ["mql"]],
    ["SQL of MQLs", ["mql", "sql"]],
    ["opportunity of MQLs", ["mql", "opportunity"]],
    ["deal of MQLs", ["mql", "deal"]],
  ];
  const missing = columns.flatMap(([label, needs]) => {
    const stage = firstUntracked(report.tracked, needs);
    return stage === null ? [] : [{ label, reason: UNTRACKED_REASONS[stage] }];
  });
  if (missing.length === 0) return null;
  const reasons = [...new Set(missing.map((m) => m.reason))];
  return `Not tracked: ${missing.map((m) => m.label).join(", ")} (${reasons.join("; ")}).`;
}

export function CampaignReportView(props: { report: CampaignReport }) {
  const { report } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "leads", descending: true });
  const rows = sortRows(report.rows, sort.key, sort.descending);
  const showCost = report.hasSpend && report.dimension === "campaign";
  const untracked = untrackedColumnsNote(report);
  return (
    <>
      <p className="headline campaigns-headline" data-campaign-headline="true">
        {campaignHeadline(report)}.
      </p>
      <p className="view-note">
        {totalsText(report)}. {ATTRIBUTION_LABELS[report.attribution]} attribution:{" "}
        {ATTRIBUTION_DESCRIPTIONS[report.attribution]}
        {report.hasSpend &&
          report.dimension !== "campaign" &&
          " Spend is known per campaign, so cost shows by campaign only."}
      </p>
      {untracked && (
        <p className="view-note" data-not-tracked="campaign-rates">
          {untracked}
        </p>
      )}
      <button
        type="button"
        className="button"
        onClick={async () => {
          // The table as sorted at the click, each row led by the about_… columns (what it is about).
          const table = campaignTableRows(report, rows);
          downloadText(CAMPAIGN_TABLE_FILE, await csvWithContext(table), "text/csv;charset=utf-8");
        }}
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
      {report.tracked.mql ? (
        <div className="chart-grid">
          <YieldChart report={report} />
          <VolumeYieldChart report={report} />
        </div>
      ) : (
        <p className="view-note" data-not-tracked="mql-yield">
          {mqlYieldNotTracked(report.dimension)}: the yield and volume-against-yield charts need MQL dates.
        </p>
      )}
    </>
  );
}

export function CampaignsView() {
  const [dimension, setDimension] = useState<CampaignDimension>("campaign");
  const [attribution, setAttribution] = useState<Attribution>("first_touch");
  const state = useQuery(campaignsMetric, { dimension, attribution });
  return (
    <section className="campaigns" aria-labelledby="campaigns-title">
      <header className="view-header">
        <h2 id="campaigns-title">Campaigns by MQL yield</h2>
        <CohortOnlyNote />
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
      <QueryState state={state} loading="Loading campaigns…" failed="The campaigns could not be shown">
        {(report) => <CampaignReportView report={report} />}
      </QueryState>
      <ScoringSection />
      <DefinitionsPanel />
    </section>
  );
}
