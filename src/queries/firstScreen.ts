// The questions the first screen (the Overview with its filter bar) asks when the app opens with no
// filters: what the bundled sample's build-time answers cover (build/sampleAnswers.ts).

import { funnelMetric } from "../metrics/funnel";
import type { Metric, MetricContext } from "../metrics/metric";
import { pipelineTrackedMetric } from "../metrics/pipeline";
import { asOfMetric, segmentOptionsMetric } from "../metrics/segments";
import { DEFAULT_BENCHMARKS } from "../model/benchmarks";
import { NO_FILTERS } from "../model/filters";
import { DEFAULT_DERIVE_SETTINGS } from "../warehouse/derive";

export interface Question {
  // biome-ignore lint/suspicious/noExplicitAny: a list of questions about metrics of different types
  metric: Metric<any, unknown>;
  params: unknown;
}

/** The shared settings of a first visit (the store's defaults). */
export const FIRST_VISIT_CONTEXT: MetricContext = {
  filters: NO_FILTERS,
  windowDays: null,
  stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays,
  count: "cohort",
};

/**
 * The Overview's funnel (useFunnel), the data's last day (useAsOf), the filter bar's options, and
 * whether there is deal stage history (the Overview's pipeline breakdown).
 */
export const FIRST_SCREEN: readonly Question[] = [
  { metric: funnelMetric, params: DEFAULT_BENCHMARKS },
  { metric: asOfMetric, params: undefined },
  { metric: segmentOptionsMetric, params: undefined },
  { metric: pipelineTrackedMetric, params: undefined },
];
