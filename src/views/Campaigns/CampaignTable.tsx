// The sortable campaign table: every rate with its counts, the small-campaign flag, cost when spend is known.

import {
  CAMPAIGN_DIMENSION_LABELS,
  type CampaignReport,
  type CampaignRow,
  formatCredit,
  formatCreditRate,
} from "../../model/campaigns";
import { categoryLabeller } from "../../model/categoryText";
import { formatMoney, formatPercent } from "../../model/format";

export type SortKey =
  | "name"
  | "leads"
  | "mqlYield"
  | "sqlRate"
  | "opportunityRate"
  | "dealRate"
  | "revenue"
  | "costPerMql"
  | "roi";

/** Sorted copy; rows without a value (null) always go last. */
export function sortRows(rows: readonly CampaignRow[], key: SortKey, descending: boolean): CampaignRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (key === "name") return sign * a.name.localeCompare(b.name);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y) || a.name.localeCompare(b.name);
  });
}

function Header(props: {
  label: string;
  sortKey: SortKey;
  sort: { key: SortKey; descending: boolean };
  onSort: (key: SortKey) => void;
}) {
  const active = props.sort.key === props.sortKey;
  return (
    <th scope="col" aria-sort={active ? (props.sort.descending ? "descending" : "ascending") : "none"}>
      <button type="button" className="sort-button" onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        {active ? (props.sort.descending ? " ↓" : " ↑") : ""}
      </button>
    </th>
  );
}

const money = (value: number | null) => (value === null ? "—" : formatMoney(value));

/** A cell whose figure needs stages the data may not track: "not tracked" rather than a blank. */
const tracked = (ok: boolean, text: string) => (ok ? text : "not tracked");

export function CampaignTable(props: {
  report: CampaignReport;
  rows: readonly CampaignRow[];
  showCost: boolean;
  sort: { key: SortKey; descending: boolean };
  onSort: (key: SortKey) => void;
}) {
  const { report, rows, showCost, sort, onSort } = props;
  const { mql, sql, deal } = report.tracked;
  // Names tidied over every row of the report (not just the sorted copy), so a row reads the same sorted or not.
  const label = categoryLabeller(report.rows.map((r) => r.name));
  const h = (label: string, key: SortKey) => (
    <Header label={label} sortKey={key} sort={sort} onSort={onSort} />
  );
  return (
    <table className="data-table campaign-table">
      <caption>
        {CAMPAIGN_DIMENSION_LABELS[report.dimension]}s: leads, MQL yield with its 95 % interval, and what the
        MQLs became (click a header to sort)
      </caption>
      <thead>
        <tr>
          {h(CAMPAIGN_DIMENSION_LABELS[report.dimension], "name")}
          {h("Leads", "leads")}
          {h("MQL yield", "mqlYield")}
          <th scope="col">95 % interval</th>
          {h("SQL of MQLs", "sqlRate")}
          {h("Opportunity of MQLs", "opportunityRate")}
          {h("Deal of MQLs", "dealRate")}
          {h("Revenue", "revenue")}
          {showCost && (
            <>
              <th scope="col">Spend</th>
              <th scope="col">Cost per lead</th>
              {h("Cost per MQL", "costPerMql")}
              <th scope="col">Cost per SQL</th>
              <th scope="col">Cost per deal</th>
              {h("ROI", "roi")}
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name} data-campaign={r.name} data-small-sample={r.tooSmallToJudge ? "true" : undefined}>
            <th scope="row">
              <span title={label(r.name).title ?? undefined}>{label(r.name).text}</span>
              {r.tooSmallToJudge && <span className="small-sample-status"> · too small to judge</span>}
            </th>
            <td className="number">{formatCredit(r.leads)}</td>
            <td className="number">{formatCreditRate(r.mqls, r.leads)}</td>
            <td className="number">
              {tracked(
                mql,
                r.mqlYieldInterval
                  ? `${formatPercent(r.mqlYieldInterval.low)}–${formatPercent(r.mqlYieldInterval.high)}`
                  : "—",
              )}
            </td>
            <td className="number">{formatCreditRate(r.sqls, r.mqls)}</td>
            <td className="number">{formatCreditRate(r.opportunities, r.mqls)}</td>
            <td className="number">{formatCreditRate(r.deals, r.mqls)}</td>
            <td className="number">{tracked(deal, formatMoney(r.revenue))}</td>
            {showCost && (
              <>
                <td className="number">{money(r.spend)}</td>
                <td className="number">{money(r.costPerLead)}</td>
                <td className="number">{tracked(mql, money(r.costPerMql))}</td>
                <td className="number">{tracked(sql, money(r.costPerSql))}</td>
                <td className="number">{tracked(deal, money(r.costPerDeal))}</td>
                <td className="number">{tracked(deal, formatPercent(r.roi))}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
