// Every metric answers the same through the coordinator (each statement interruptible, its values bound
// through a session variable) as when run straight on the engine with prepared statements — on the
// bundled sample, with and without filters, so every placeholder of every analysis is exercised.

import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SqlEngine } from "../../src/db/engine";
import { importActivityLog } from "../../src/import/load";
import { aidaMetric } from "../../src/metrics/aida";
import { alignmentMetric } from "../../src/metrics/alignment";
import { campaignsMetric, trackedStagesMetric } from "../../src/metrics/campaigns";
import { funnelMetric } from "../../src/metrics/funnel";
import { LONGEST_INACTIVE_FIRST, leakCountsMetric, leakedLeadsMetric } from "../../src/metrics/leaks";
import type { Metric, MetricContext } from "../../src/metrics/metric";
import { scoringMetric } from "../../src/metrics/scoring";
import { asOfMetric, segmentOptionsMetric } from "../../src/metrics/segments";
import { trendsMetric } from "../../src/metrics/trends";
import { velocityMetric } from "../../src/metrics/velocity";
import { defaultAidaMapping } from "../../src/model/aida";
import { DEFAULT_ALIGNMENT } from "../../src/model/alignment";
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { NO_FILTERS } from "../../src/model/filters";
import { DEFAULT_SCORING } from "../../src/model/scoring";
import { QueryCoordinator } from "../../src/queries/coordinator";
import { DEFAULT_DERIVE_SETTINGS } from "../../src/warehouse/derive";
import { createNodeEngine } from "../support/nodeEngine";

let engine: SqlEngine;
let coordinator: QueryCoordinator;
let filtered: MetricContext;
const plain: MetricContext = { filters: NO_FILTERS, windowDays: null, stalledDays: 30 };

beforeAll(async () => {
  engine = await createNodeEngine({ everyQueryInterruptible: false });
  const sample = path.resolve(import.meta.dirname, "../../sample-data/sample.csv");
  await importActivityLog(
    engine,
    { name: "sample.csv", data: new Uint8Array(readFileSync(sample)) },
    DEFAULT_DERIVE_SETTINGS,
  );
  coordinator = new QueryCoordinator(async () => engine);
  coordinator.setDataVersion("sample");
  const options = await segmentOptionsMetric.run(engine, plain, undefined);
  const asOf = (await asOfMetric.run(engine, plain, undefined)) as string;
  const channel = options.channel[0]?.value as string;
  const team = options.team[0]?.value as string;
  expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  filtered = {
    filters: {
      segments: { channel: [channel], team: [team] },
      from: `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`,
      to: asOf,
    },
    windowDays: 30,
    stalledDays: 45,
  };
}, 120_000);

const cases: [string, Metric<never, unknown>, unknown][] = [
  ["funnel", funnelMetric as Metric<never, unknown>, DEFAULT_BENCHMARKS],
  ["leak counts", leakCountsMetric as Metric<never, unknown>, undefined],
  [
    "leaked leads",
    leakedLeadsMetric as Metric<never, unknown>,
    { step: "mql", reason: "stalled", sort: LONGEST_INACTIVE_FIRST },
  ],
  [
    "campaigns",
    campaignsMetric as Metric<never, unknown>,
    { dimension: "channel", attribution: "first_touch" },
  ],
  ["tracked stages", trackedStagesMetric as Metric<never, unknown>, undefined],
  ["alignment", alignmentMetric as Metric<never, unknown>, DEFAULT_ALIGNMENT],
  ["aida", aidaMetric as Metric<never, unknown>, defaultAidaMapping()],
  ["trends", trendsMetric as Metric<never, unknown>, undefined],
  ["velocity", velocityMetric as Metric<never, unknown>, undefined],
  ["scoring", scoringMetric as Metric<never, unknown>, DEFAULT_SCORING],
  ["segment options", segmentOptionsMetric as Metric<never, unknown>, undefined],
  ["as-of", asOfMetric as Metric<never, unknown>, undefined],
];

describe("metrics through the coordinator", () => {
  it.each(cases)("%s answers the same as on the engine directly", async (_name, metric, params) => {
    for (const ctx of [plain, filtered]) {
      const direct = await metric.run(engine, ctx, params as never);
      const coordinated = await coordinator.ask(metric, ctx, params as never);
      expect(coordinated).toEqual(direct);
    }
  });
});
