// The Leaks screen: where leads leak and why, the biggest leak in words, the leaked-lead list, AIDA, velocity.

import { useMemo, useState } from "react";
import {
  type LeakedLeadSort,
  LONGEST_INACTIVE_FIRST,
  leakCountsMetric,
  leakedLeadsMetric,
} from "../../metrics/leaks";
import { formatCount } from "../../model/format";
import { buildLeaks, LEAK_REASONS, type Leaks, leakSentence, type StopReason } from "../../model/leaks";
import type { Stage } from "../../model/stages";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { QueryState } from "../../ui/QueryState";
import { CohortOnlyNote } from "../Filters/CohortOnlyNote";
import { PipelineBrief } from "../Pipeline/PipelineBrief";
import { AidaSection } from "./AidaSection";
import { LeakChart, LeakFlow } from "./LeakCharts";
import { LeakedLeads } from "./LeakedLeads";
import { TrendsSection } from "./TrendsSection";
import { VelocitySection } from "./VelocitySection";

/** The list opens on the biggest leak and its largest reason. */
export function defaultChoice(leaks: Leaks): { step: Stage; reason: StopReason } | null {
  const step = leaks.biggest?.step ?? leaks.steps[0];
  if (!step) return null;
  const reason = [...LEAK_REASONS].sort((a, b) => step.reasons[b] - step.reasons[a])[0] ?? "stalled";
  return { step: step.from, reason };
}

function LeakedLeadsFor(props: { leaks: Leaks }) {
  const initial = defaultChoice(props.leaks);
  const [choice, setChoice] = useState(initial);
  const step = choice?.step ?? initial?.step ?? "lead";
  const reason = choice?.reason ?? initial?.reason ?? "stalled";
  const [sort, setSort] = useState<LeakedLeadSort>(LONGEST_INACTIVE_FIRST);
  const list = useQuery(leakedLeadsMetric, { step, reason, sort });
  if (!initial) return null;
  return (
    <LeakedLeads
      leaks={props.leaks}
      step={step}
      reason={reason}
      list={list}
      sort={sort}
      onSort={setSort}
      onChoose={(s, r) => setChoice({ step: s, reason: r })}
    />
  );
}

export function LeaksView() {
  const benchmarks = useAppStore((s) => s.benchmarks);
  const counts = useQuery(leakCountsMetric, undefined);
  const leaks = useMemo(
    () => (counts.status === "ready" ? { ...counts, data: buildLeaks(counts.data, benchmarks) } : counts),
    [counts, benchmarks],
  );
  return (
    <QueryState state={leaks} loading="Counting where leads leak…" failed="The leaks could not be shown">
      {(data) => <LeaksReport leaks={data} />}
    </QueryState>
  );
}

function LeaksReport({ leaks }: { leaks: Leaks }) {
  return (
    <section className="leaks" aria-labelledby="leaks-title">
      <header className="view-header">
        <h2 id="leaks-title">Where leads leak</h2>
        <CohortOnlyNote />
      </header>
      <p className="headline" data-biggest-leak={leaks.biggest?.step.from ?? ""}>
        {leakSentence(leaks)}
      </p>
      <p className="view-note">
        A lead leaks at a step when it stopped there and is closed lost, rejected by sales, never contacted by
        sales after the hand-off (MQL or SAL, no sales contact recorded
        {leaks.contactsRecorded ? "" : "; this data records no sales contacts, so none is counted"}), or
        stalled (no activity for more than {formatCount(leaks.stalledDays)} days before the as-of date). Each
        lead counts once, in that order; leads still in progress are never counted as leaked.
      </p>
      <div className="chart-grid">
        <LeakChart leaks={leaks} />
        <LeakFlow leaks={leaks} />
      </div>
      <PipelineBrief title="Opportunities that did not become deals, by the pipeline stage they stopped at" />
      {/* Keyed by the data, so a new selection reopens the list on its own biggest leak. */}
      <LeakedLeadsFor key={leaks.steps.map((s) => `${s.from}:${s.leaked}`).join("|")} leaks={leaks} />
      <AidaSection />
      <VelocitySection />
      <TrendsSection />
    </section>
  );
}
