// The ready Overview: KPI tiles, the biggest leak in words, the funnel and benchmark charts, the CSV.

import { csvWithContext } from "../../app/outputContext";
import { useDefinitions } from "../../app/useDefinitions";
import { BenchmarkChart } from "../../charts/BenchmarkChart";
import { FunnelChart } from "../../charts/FunnelChart";
import { kpiDelta } from "../../model/comparison";
import { COUNT_LABELS, countingTooltip, FLOW_RATIO_NOTE, hasPeriod } from "../../model/counting";
import { definitionForKpi } from "../../model/definitions";
import { formatCount } from "../../model/format";
import type { Funnel, Kpi } from "../../model/funnel";
import { FUNNEL_TABLE_HEADER, funnelTableRows } from "../../model/funnelTable";
import { biggestLeakSentence } from "../../model/insights";
import { formatPeriod } from "../../model/period";
import { MIN_LEADS_TO_JUDGE, tooFewToJudge } from "../../model/smallNumbers";
import { STAGE_PLURALS } from "../../model/stages";
import type { FunnelComparison } from "../../queries/useFunnel";
import { useAppStore } from "../../store";
import { downloadText } from "../../ui/download";
import { KpiTile } from "../../ui/KpiTile";
import { DefinitionsList } from "../Definitions/DefinitionsPanel";
import { PipelineBrief } from "../Pipeline/PipelineBrief";
import { CLOSED_WIN_RATE_LABEL, closedWinRateText } from "./closedWinRate";
import { DealLinkNote } from "./DealLinkNote";
import { StageRules } from "./StageRules";

export const FUNNEL_TABLE_FILE = "funnel-table.csv";

/** The funnel's plot height on the Overview: six stages in 280 px keep it whole above the fold at 1440×900. */
const FUNNEL_HEIGHT = 280;

/**
 * How the numbers were counted, in words. Only in-period counts (and all-time counts, where the two ways
 * are the same) are what a CRM's reports show; a cohort of a period is not, and the note says so.
 */
function CountingNote(props: { funnel: Funnel }) {
  const { windowDays, incompleteLeads, count } = props.funnel;
  const filters = useAppStore((s) => s.filters);
  const chosenWindow = useAppStore((s) => s.windowDays);
  if (count === "period") {
    return (
      <div className="view-note" data-counting="period">
        <p>
          {COUNT_LABELS.period} ({formatPeriod(filters)}): each stage counts the leads that entered it in the
          period, as CRM reports count “MQLs this month”, so these numbers agree with your CRM's reports for
          the same days.
        </p>
        <p data-flow-ratio="true">{FLOW_RATIO_NOTE}</p>
        {chosenWindow !== null && (
          <p>
            The conversion window ({formatCount(chosenWindow)} days) applies to cohort counting only;
            in-period counts do not use it.
          </p>
        )}
      </div>
    );
  }
  if (windowDays === null) {
    return hasPeriod(filters) ? (
      <p className="view-note" data-counting="cohort">
        {COUNT_LABELS.cohort} ({formatPeriod(filters)}): the leads that became leads in the period, with every
        later conversion in the data. A CRM's “this month” report counts what entered each stage in the period
        instead: choose Count: In period to compare with it.
      </p>
    ) : (
      <p className="view-note" data-counting="cohort">
        All time: every lead that reached each stage counts (cohort and in period are the same without a
        period), so the numbers agree with your CRM's reports.
      </p>
    );
  }
  return (
    <p className="view-note" data-window-days={windowDays}>
      Conversion window: only conversions within {formatCount(windowDays)} days of entering a step count.
      {incompleteLeads > 0 &&
        ` ${formatCount(incompleteLeads)} ${incompleteLeads === 1 ? "lead entered" : "leads entered"} less than ` +
          `${formatCount(windowDays)} days before the as-of date, so their conversions are still incomplete.`}
    </p>
  );
}

/** Said once at the top when the whole selection is small, so no number below is read as a verdict. */
function SmallSelectionNote(props: { funnel: Funnel }) {
  const first = props.funnel.stages.find((row) => row.tracked);
  if (!first || first.reached === null || !tooFewToJudge(first.reached)) return null;
  return (
    <p className="view-note small-sample-note" data-small-sample="true">
      Only {formatCount(first.reached)}{" "}
      {first.reached === 1 ? first.label.toLowerCase() : STAGE_PLURALS[first.stage]} in this selection: rates
      from fewer than {formatCount(MIN_LEADS_TO_JUDGE)} leads are too few to judge, so the tiles and charts
      show counts and no benchmark status for them.
    </p>
  );
}

/** Which period the deltas and ghost bars compare with, or why there is none. */
function ComparisonNote(props: { comparison: FunnelComparison; count: Funnel["count"] }) {
  const { comparison } = props;
  if (comparison.state === "off") return null;
  if (comparison.state === "unavailable")
    return (
      <p className="view-note" data-comparison="unavailable">
        No previous period to compare with: {comparison.reason}
      </p>
    );
  return (
    <p className="view-note" data-comparison="ready">
      Compared with the previous period, {formatPeriod(comparison.period)}, counted the same way (
      {props.count === "period" ? "in period" : "by cohort"}): changes under each tile, the previous period as
      outlined ghost bars on the charts.
    </p>
  );
}

export function FunnelOverview(props: {
  funnel: Funnel;
  datasetLabel: string;
  comparison?: FunnelComparison;
}) {
  const { funnel } = props;
  const definitions = useDefinitions();
  const previous = props.comparison?.state === "ready" ? props.comparison.funnel : null;
  const tile = (kpi: Kpi) => (
    <KpiTile
      key={kpi.id}
      kpi={kpi}
      definition={definitionForKpi(kpi.id, definitions)}
      counting={countingTooltip(funnel.count)}
      flowRatio={funnel.count === "period"}
      delta={
        previous
          ? kpiDelta(
              kpi,
              previous.kpis.find((k) => k.id === kpi.id),
            )
          : null
      }
    >
      {kpi.id === "win_rate" && (
        <p
          className="kpi-note"
          data-metric="closed_win_rate"
          data-value={funnel.closedWinRate.rate === null ? "" : String(funnel.closedWinRate.rate)}
        >
          <span className="kpi-note-label">{CLOSED_WIN_RATE_LABEL}:</span>{" "}
          {closedWinRateText(funnel.closedWinRate, funnel.windowDays)}
        </p>
      )}
    </KpiTile>
  );
  return (
    <section className="overview" aria-labelledby="overview-title">
      <header className="view-header">
        <div className="view-title-line">
          <h2 id="overview-title">Funnel overview</h2>
          <p className="dataset-label">{props.datasetLabel}</p>
        </div>
        <button
          type="button"
          className="button"
          onClick={async () => {
            // The table as shown at the click, led by the about_… columns (what, which filters, counted how).
            const rows = [[...FUNNEL_TABLE_HEADER], ...funnelTableRows(funnel)];
            downloadText(FUNNEL_TABLE_FILE, await csvWithContext(rows), "text/csv;charset=utf-8");
          }}
        >
          Download funnel table
        </button>
      </header>

      <p className="headline">{biggestLeakSentence(funnel)}</p>
      <CountingNote funnel={funnel} />
      <SmallSelectionNote funnel={funnel} />
      {props.comparison && <ComparisonNote comparison={props.comparison} count={funnel.count} />}

      {/* Counts in one row; the funnel beside the four rates it explains, so at 1440×900 the tiles and
          the funnel are above the fold (issue 19); the benchmark bars follow. */}
      <div className="kpi-grid kpi-grid-counts">
        {funnel.kpis.filter((k) => k.kind === "count").map(tile)}
      </div>
      <div className="overview-main">
        <FunnelChart funnel={funnel} definitions={definitions} previous={previous} height={FUNNEL_HEIGHT} />
        <div className="kpi-grid kpi-grid-rates">
          {funnel.kpis.filter((k) => k.kind === "rate").map(tile)}
        </div>
      </div>
      <BenchmarkChart funnel={funnel} previous={previous} />
      <DealLinkNote />
      <PipelineBrief title="Opportunity → Deal, stage by stage (the CRM's pipeline stages)" />

      <StageRules />
      <DefinitionsList definitions={definitions} className="print-only" />
    </section>
  );
}
