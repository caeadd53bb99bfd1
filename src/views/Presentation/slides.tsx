// The deck's slides — title, funnel, benchmarks, biggest leak, pipeline, campaigns, alignment, trends (those
// the data allows) — built from the same queries, model functions and charts as the screens, with a
// headline from model/headlines and presenter notes (the numbers behind it) from model/deck.

import { useOutputContext } from "../../app/outputContext";
import { BenchmarkChart } from "../../charts/BenchmarkChart";
import { FunnelChart, funnelChartTitle } from "../../charts/FunnelChart";
import { type Alignment, alignmentMetric } from "../../metrics/alignment";
import { campaignsMetric } from "../../metrics/campaigns";
import { funnelMetric } from "../../metrics/funnel";
import { leakCountsMetric } from "../../metrics/leaks";
import { pipelineMetric } from "../../metrics/pipeline";
import { type Trends, trendsMetric } from "../../metrics/trends";
import { type AlignmentSettings, listParts, SCORE_PARTS, slaTracked } from "../../model/alignment";
import type { Benchmark } from "../../model/benchmarks";
import { type CampaignReport, campaignHeadline, highVolumeLowYield } from "../../model/campaigns";
import {
  benchmarkNotes,
  changeLine,
  funnelNotes,
  leakNotes,
  titleFigures,
  titleNotes,
  titleText,
  trendNotes,
} from "../../model/deck";
import { formatCount, formatPercent } from "../../model/format";
import { type Funnel, funnelUnit } from "../../model/funnel";
import {
  alignmentHeadline,
  biggestLeakHeadline,
  campaignsHeadline,
  monthsInPeriod,
  overviewHeadline,
  trendHeadline,
  trendStepToShow,
} from "../../model/headlines";
import { biggestLeakSentence } from "../../model/insights";
import { buildLeaks, type Leaks, leakSentence } from "../../model/leaks";
import type { OutputContextInput } from "../../model/outputContext";
import { monthsBetween, type Period } from "../../model/period";
import {
  fixWorthSentence,
  type Pipeline,
  pipelineLeakSentence,
  withoutStageSentence,
} from "../../model/pipeline";
import type { Stage } from "../../model/stages";
import { type QueryView, useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { YieldChart } from "../Campaigns/CampaignCharts";
import { LeakChart } from "../Leaks/LeakCharts";
import { type PreviousTrend, StepChart, trendTitle } from "../Leaks/TrendsSection";
import { StageChart } from "../Pipeline/StageChart";
import type { Slide } from "./SlideView";
import { TeamSlaChart } from "./TeamSlaChart";
import { TitleFigures } from "./TitleFigures";

/** The title: whom and when, the as-of day, and the three headline numbers with their change. */
export function titleSlide(context: OutputContextInput, funnel: Funnel, previous: Funnel | null): Slide {
  const { headline, detail } = titleText(context, funnelUnit(funnel));
  return {
    id: "title",
    name: "Results review",
    headline,
    detail,
    chart: <TitleFigures figures={titleFigures(funnel, previous)} />,
    notes: titleNotes(funnel, previous),
  };
}

/** The funnel itself: every stage's count (the previous period as ghost bars when comparing). */
export function funnelSlide(funnel: Funnel, previous: Funnel | null = null): Slide {
  return {
    id: "funnel",
    name: "The funnel",
    headline: funnelChartTitle(funnel),
    change: changeLine(funnel, previous, "count") ?? undefined,
    chart: (height) => <FunnelChart funnel={funnel} previous={previous} height={height} />,
    // The biggest leak has its own slide; here it is for the presenter to say.
    notes: [...funnelNotes(funnel), biggestLeakSentence(funnel)],
  };
}

/** Each step against its benchmark band (the "overview" finding: MQL → SQL first). */
export function overviewSlide(funnel: Funnel, previous: Funnel | null = null): Slide {
  return {
    id: "overview",
    name: "Against the benchmarks",
    headline: overviewHeadline(funnel),
    change: changeLine(funnel, previous, "rate") ?? undefined,
    chart: (height) => <BenchmarkChart funnel={funnel} previous={previous} height={height} />,
    notes: benchmarkNotes(funnel),
  };
}

export function leakSlide(leaks: Leaks): Slide | null {
  if (leaks.steps.length === 0) return null;
  const step = leaks.biggest?.step;
  return {
    id: "leak",
    name: "Biggest leak",
    headline: biggestLeakHeadline(leaks.biggest),
    chart: (height) => <LeakChart leaks={leaks} height={height} />,
    // The same sentence as the Overview and the Leaks screen (one answer per step), for the presenter:
    // on the slide the headline says it short and the chart keeps the room.
    notes: step ? [leakSentence(leaks), ...leakNotes(leaks.steps)] : leakNotes(leaks.steps),
  };
}

/** The deal pipeline's biggest leak and what fixing it is worth; no slide without stage history. */
export function pipelineSlide(pipeline: Pipeline): Slide | null {
  if (pipeline.deals.placed === 0) return null;
  return {
    id: "pipeline",
    name: "Deal pipeline",
    headline: pipelineLeakSentence(pipeline.biggestLeak, pipeline.lostRecorded),
    detail: fixWorthSentence(pipeline.fixWorth),
    chart: (height) => <StageChart pipeline={pipeline} measure="deals" height={height} />,
    notes: [
      `Deals placed in the stages: ${formatCount(pipeline.deals.placed)} — ${formatCount(pipeline.deals.won)} won, ` +
        `${pipeline.lostRecorded ? `${formatCount(pipeline.deals.lost)} lost` : "lost not tracked"}, ` +
        `${formatCount(pipeline.deals.open)} open`,
      ...[withoutStageSentence(pipeline.withoutStage, pipeline.lostRecorded)].filter((n) => n !== null),
    ],
  };
}

export function campaignsSlide(report: CampaignReport): Slide | null {
  // A slide by MQL yield without MQL dates has no data: left out, like every slide without data.
  if (report.rows.length === 0 || !report.tracked.mql) return null;
  return {
    id: "campaigns",
    name: "Campaigns by MQL yield",
    headline: campaignsHeadline(report),
    chart: (height) => <YieldChart report={report} height={height} />,
    // The volume-versus-yield finding of the Campaigns screen, when there is one, for the presenter to
    // say: the slide keeps its room for the chart.
    notes: (highVolumeLowYield(report) ? [`${campaignHeadline(report)}.`] : []).concat(
      report.rows
        .filter((row) => row.mqlYield !== null)
        .map(
          (row) =>
            `${row.name}: ${formatCount(row.mqls)} of ${formatCount(row.leads)} leads became MQLs (${formatPercent(row.mqlYield)})` +
            (row.tooSmallToJudge ? ", too few to judge" : ""),
        ),
    ),
  };
}

export function alignmentSlide(alignment: Alignment, settings: AlignmentSettings): Slide | null {
  const { tracking } = alignment;
  const show = { sla: slaTracked(tracking), accepted: tracking.acceptance };
  // Neither an SLA step nor acceptance recorded: nothing to chart, so no slide (the screen says why).
  if (alignment.teams.length === 0 || (!show.sla && !show.accepted)) return null;
  const score = alignment.total?.alignmentScore ?? null;
  const teams = alignment.teams.map((t) => ({ ...t, team: t.key }));
  const untracked = SCORE_PARTS.filter((p) => !tracking[p]);
  const notTracked = untracked.length > 0 ? `; ${listParts(untracked)} not tracked` : "";
  return {
    id: "alignment",
    name: "Marketing → sales alignment",
    headline: alignmentHeadline(teams, settings, score, tracking),
    detail:
      score === null
        ? undefined
        : `Alignment score ${formatPercent(score)} over ${formatCount(alignment.total?.handoffs ?? 0)} hand-offs (mean of ${listParts(alignment.total?.scoreParts ?? [])}${notTracked}).`,
    chart: (height) => (
      <TeamSlaChart teams={alignment.teams} slaGoal={settings.slaGoal} show={show} height={height} />
    ),
    notes: alignment.teams.map((t) => {
      const sla = t.slaCompliance;
      return sla.value === null
        ? `${t.key}: no hand-off due`
        : `${t.key}: ${formatCount(sla.successes)} of ${formatCount(sla.trials)} hand-offs within SLA (${formatPercent(sla.value)})${sla.tooFew ? ", too few to judge" : ""}`;
    }),
  };
}

/**
 * The trend of one step over the months of the selected period only: a cohort's later conversions fall
 * in months after it, and neither the chart nor the headline may talk about those.
 */
export function trendsSlide(
  trends: Trends,
  benchmarks: readonly Benchmark[],
  period: Period = { from: null, to: null },
  before: { trends: Trends; period: Period } | null = null,
): Slide | null {
  const inPeriod: Trends = {
    ...trends,
    steps: trends.steps.map((s) => ({ ...s, months: monthsInPeriod(s.months, period) })),
  };
  const step = trendStepToShow(inPeriod.steps, benchmarks);
  if (!step || step.months.length === 0) return null;
  const benchmark = benchmarks.find((b) => b.from === step.from && b.to === step.to) ?? null;
  return {
    id: "trends",
    name: "Trend",
    headline: trendHeadline(step, benchmark, period),
    detail: trendTitle(step),
    chart: (height) => (
      <StepChart
        trends={inPeriod}
        step={step}
        benchmark={benchmark ?? undefined}
        previous={previousTrend(before, step, period)}
        height={height}
      />
    ),
    notes: trendNotes(step.from, step.to, step.months),
  };
}

/**
 * The previous period's trend of the same step, its months limited to that period and moved onto this
 * one's axis (the dotted line the Leaks screen draws when comparing); null when not comparing.
 */
function previousTrend(
  before: { trends: Trends; period: Period } | null,
  step: { from: Stage; to: Stage },
  period: Period,
): PreviousTrend | null {
  const match = before?.trends.steps.find((s) => s.from === step.from && s.to === step.to);
  if (!before || !match || before.period.from === null || period.from === null) return null;
  return {
    step: { ...match, months: monthsInPeriod(match.months, before.period) },
    shiftMonths: monthsBetween(before.period.from, period.from),
  };
}

function errorSlide(id: string, name: string, message: string): Slide {
  return { id, name, headline: `${name}: the numbers could not be computed`, detail: message, chart: null };
}

// The Campaigns screen opens on campaigns, first touch: so does the slide (and shares its answer).
const CAMPAIGN_SLIDE = { dimension: "campaign", attribution: "first_touch" } as const;

export type SlidesState =
  | { status: "loading" }
  | { status: "ready"; slides: Slide[]; context: OutputContextInput };

/** A ready metric becomes its slide (or none); a failed one a slide saying so. */
function slideFrom<T>(state: QueryView<T>, id: string, name: string, build: (data: T) => Slide | null) {
  if (state.status === "error") return errorSlide(id, name, state.message);
  return state.status === "ready" ? build(state.data) : null;
}

/** Runs every slide's query with the shared filters; ready once all have answered. */
export function usePresentationSlides(): SlidesState {
  const benchmarks = useAppStore((s) => s.benchmarks);
  const alignmentSettings = useAppStore((s) => s.alignment);
  const filters = useAppStore((s) => s.filters);
  const context = useOutputContext();
  const funnel = useQuery(funnelMetric, benchmarks);
  // The previous period's funnel, when comparing and there is one: the title's and the funnel slides' deltas.
  const previousFilters = context?.previous ? { ...filters, ...context.previous } : undefined;
  const before = useQuery(funnelMetric, benchmarks, {
    enabled: previousFilters !== undefined,
    filters: previousFilters,
  });
  const leakCounts = useQuery(leakCountsMetric, undefined);
  const campaigns = useQuery(campaignsMetric, CAMPAIGN_SLIDE);
  const alignment = useQuery(alignmentMetric, alignmentSettings);
  const trends = useQuery(trendsMetric, undefined);
  const trendsBefore = useQuery(trendsMetric, undefined, {
    enabled: previousFilters !== undefined,
    filters: previousFilters,
  });
  const pipeline = useQuery(pipelineMetric, undefined);
  const states = [funnel, leakCounts, pipeline, campaigns, alignment, trends];
  if (previousFilters !== undefined) states.push(before, trendsBefore);
  // A slide never shows numbers older than the filters: the deck waits for every fresh answer.
  if (context === null || states.some((s) => s.status === "loading" || (s.status === "ready" && s.stale)))
    return { status: "loading" };
  // A previous period that could not be counted leaves the deltas out; the slides still show.
  const previous = previousFilters !== undefined && before.status === "ready" ? before.data : null;
  const slides = [
    slideFrom(funnel, "title", "Results review", (f) => titleSlide(context, f, previous)),
    slideFrom(funnel, "funnel", "The funnel", (f) => funnelSlide(f, previous)),
    slideFrom(funnel, "overview", "Against the benchmarks", (f) => overviewSlide(f, previous)),
    slideFrom(leakCounts, "leak", "Biggest leak", (counts) => leakSlide(buildLeaks(counts, benchmarks))),
    slideFrom(pipeline, "pipeline", "Deal pipeline", pipelineSlide),
    slideFrom(campaigns, "campaigns", "Campaigns by MQL yield", campaignsSlide),
    slideFrom(alignment, "alignment", "Marketing → sales alignment", (a) =>
      alignmentSlide(a, alignmentSettings),
    ),
    slideFrom(trends, "trends", "Trend", (t) =>
      trendsSlide(
        t,
        benchmarks,
        filters,
        context.previous && trendsBefore.status === "ready"
          ? { trends: trendsBefore.data, period: context.previous }
          : null,
      ),
    ),
  ].filter((slide): slide is Slide => slide !== null);
  return { status: "ready", slides, context };
}
