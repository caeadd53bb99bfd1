// A small hand-made funnel (counts as a query would return them) whose numbers are worked out below.
import { DEFAULT_BENCHMARKS } from "../../src/model/benchmarks";
import { buildFunnel, type Funnel, type FunnelCounts } from "../../src/model/funnel";

/*
 * stage        reached  skipped   step conversion          cumulative (from lead)
 * lead           5,000        0   —                         —
 * mql            1,000        0   1,000 / 5,000 = 20.0 %    0.2
 * sal        not tracked (no SAL dates at all: no rate through it)
 * sql              273       12   273 / 1,000 = 27.3 %      273 / 5,000 = 0.0546 → 5.5 %
 *                                 (MQL → SQL band 25–30 %: within)
 * opportunity       96        0   96 / 273 = 0.35165 → 35.2 % (band 40–50 %: below)
 *                                                           96 / 5,000 = 0.0192 → 1.9 %
 * deal               9        0   9 / 96 = 0.09375 → 9.4 %  (reference 6 %: above)
 *                                                           9 / 5,000 = 0.0018 → 0.2 %
 *
 * Where leads stopped:   rejected  lost  stalled  in progress  → leaked
 *   lead                        0     0    3,500          500      3,500
 *   mql                       300     0      327          100        627
 *   sql                         0   120       50            7        170
 *   opportunity                 0    60        0           27         60
 *
 * Biggest leak: SQL → opportunity is below its band; 170 leaked vs 273 × (1 − 0.40) = 163.8 allowed,
 * so it is chosen over Lead → MQL (3,500 leaked, no benchmark): 170 / 273 = 62.3 %.
 * Closed win rate: 9 won / (9 won + 60 lost) = 13.0 %; 96 − 9 − 60 = 27 still open.
 */
export const SAMPLE_COUNTS: FunnelCounts = {
  stages: [
    { stage: "lead", tracked: true, reached: 5000, skipped: 0 },
    { stage: "mql", tracked: true, reached: 1000, skipped: 0 },
    { stage: "sal", tracked: false, reached: 0, skipped: 0 },
    { stage: "sql", tracked: true, reached: 273, skipped: 12 },
    { stage: "opportunity", tracked: true, reached: 96, skipped: 0 },
    { stage: "deal", tracked: true, reached: 9, skipped: 0 },
  ],
  conversions: [],
  statuses: [
    { stage: "lead", status: "stalled", leads: 3500 },
    { stage: "lead", status: "in_progress", leads: 500 },
    { stage: "mql", status: "rejected", leads: 300 },
    { stage: "mql", status: "stalled", leads: 327 },
    { stage: "mql", status: "in_progress", leads: 100 },
    { stage: "sql", status: "lost", leads: 120 },
    { stage: "sql", status: "stalled", leads: 50 },
    { stage: "sql", status: "in_progress", leads: 7 },
    { stage: "opportunity", status: "lost", leads: 60 },
    { stage: "opportunity", status: "in_progress", leads: 27 },
    { stage: "deal", status: "won", leads: 9 },
  ],
  windowDays: null,
  incompleteLeads: 0,
  lostRecorded: true,
  sameDay: [],
};

export function sampleFunnel(overrides: Partial<FunnelCounts> = {}): Funnel {
  return buildFunnel({ ...SAMPLE_COUNTS, ...overrides }, DEFAULT_BENCHMARKS);
}

export const SAMPLE_LEAK_SENTENCE =
  "The biggest leak is SQL → Opportunity: 170 of 273 SQLs (62.3 %) went no further " +
  "(120 closed lost, 50 stalled); 96 reached Opportunity and 7 are still in progress; the step converts " +
  "35.2 %, below its 40–50 % benchmark.";

export const SAMPLE_FUNNEL_CSV =
  "stage,reached,step_conversion,cumulative_conversion,benchmark_low,benchmark_high,status,step_entered,step_converted\r\n" +
  "lead,5000,,,,,,,\r\n" +
  "mql,1000,0.2,0.2,,,,5000,1000\r\n" +
  "sal,,,,,,not tracked,,\r\n" +
  "sql,273,0.273,0.0546,0.25,0.3,within,1000,273\r\n" +
  "opportunity,96,0.3516,0.0192,0.4,0.5,below,273,96\r\n" +
  "deal,9,0.0938,0.0018,0.06,0.06,above,96,9\r\n";
