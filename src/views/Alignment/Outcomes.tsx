// What became of hand-offs: SLA met against missed (beside the published effect of alignment) and by time
// from MQL to first contact. A comparison with fewer than 20 leads on either side says "too few to judge".

import type { RefObject } from "react";
import { useRef } from "react";
import type { IntervalCategory, IntervalSeries } from "../../charts/IntervalBarChart";
import { IntervalBarChart } from "../../charts/IntervalBarChart";
import { OKABE_ITO } from "../../charts/palette";
import type { Alignment, HandoffGroup } from "../../metrics/alignment";
import {
  CONTACT_BUCKETS,
  formatUplift,
  NOT_TRACKED_REASONS,
  type OutcomeTracking,
  outcomeNotTracked,
  PUBLISHED_EFFECT,
  type Rate,
  rate,
  SLA_NOT_TRACKED_REASON,
  slaTracked,
  tooFewToCompare,
  uplift,
} from "../../model/alignment";
import { formatCount, formatMoney, formatPercent } from "../../model/format";
import { formatCountOf, MIN_LEADS_TO_JUDGE } from "../../model/smallNumbers";
import { TableCsvButton } from "../../ui/TableCsvButton";
import { NotTracked, RateCell } from "./cells";
import "./alignment.css";

/** What became of groups of hand-offs; a rate through a stage the data never records says "not tracked". */
export function OutcomeTable(props: {
  caption: string;
  groups: readonly { label: string; group: HandoffGroup }[];
  tracking: OutcomeTracking;
  tableRef?: RefObject<HTMLTableElement | null>;
}) {
  const why = (...needs: (keyof OutcomeTracking)[]) => outcomeNotTracked(props.tracking, needs);
  const revenueReason = why("deal");
  return (
    <table ref={props.tableRef} className="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Hand-offs</th>
          <th scope="col">MQL → SQL</th>
          <th scope="col">SQL → opportunity</th>
          <th scope="col">Win rate (opportunity → deal)</th>
          <th scope="col">Customers per hand-off</th>
          <th scope="col">Revenue won</th>
        </tr>
      </thead>
      <tbody>
        {props.groups.map(({ label, group }) => (
          <tr key={label} data-group={group.key}>
            <th scope="row">{label}</th>
            <td className="number">{formatCount(group.handoffs)}</td>
            <RateCell rate={group.mqlToSql} empty="no hand-offs" notTracked={why("sql")} />
            <RateCell rate={group.sqlToOpportunity} empty="no SQLs" notTracked={why("sql", "opportunity")} />
            <RateCell rate={group.winRate} empty="no opportunities" notTracked={why("opportunity", "deal")} />
            <RateCell rate={group.customers} empty="no hand-offs" notTracked={why("deal")} />
            <td className="number">
              {revenueReason ? <NotTracked reason={revenueReason} /> : formatMoney(group.revenue)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const TOO_FEW_ON_A_SIDE = `fewer than ${MIN_LEADS_TO_JUDGE} on a side`;

/** The chart's finding: the win-rate gap, or "too few to judge" with the counts when a side is small. */
export function slaOutcomeTitle(met: HandoffGroup, missed: HandoffGroup): string {
  const [a, b] = [met.winRate, missed.winRate];
  if (a.value === null || b.value === null) return "Outcomes of hand-offs within and outside the SLA";
  if (tooFewToCompare(a, b))
    return `Win rate within against outside the SLA: too few to judge (${formatCountOf(a.successes, a.trials)} opportunities won within SLA, ${formatCountOf(b.successes, b.trials)} outside; ${TOO_FEW_ON_A_SIDE})`;
  return `Hand-offs within SLA win ${formatPercent(a.value)} of opportunities, against ${formatPercent(b.value)} when the SLA is missed`;
}

/** A rate as the uplift table shows it: counts when it rests on too few leads, "—" for none. */
function sideText(r: Rate): string {
  if (r.trials === 0) return "—";
  return r.tooFew ? formatCountOf(r.successes, r.trials) : formatPercent(r.value);
}

function UpliftRow(props: {
  id: string;
  label: string;
  met: { text: string; raw: number | null; trials: number };
  missed: { text: string; raw: number | null; trials: number };
  published: number;
  notTracked: string | null;
}) {
  const { notTracked } = props;
  const side = (s: { text: string; raw: number | null; trials: number }) =>
    notTracked ? { text: "—", raw: null, trials: 0 } : s;
  const met = side(props.met);
  const missed = side(props.missed);
  const tooFew = tooFewToCompare(met, missed);
  const measured = tooFew ? null : uplift(met.raw, missed.raw);
  return (
    <tr data-uplift={props.id} data-value={measured ?? ""}>
      <th scope="row">{props.label}</th>
      <td className="number" data-csv={met.raw ?? ""}>
        {met.text}
      </td>
      <td className="number" data-csv={missed.raw ?? ""}>
        {missed.text}
      </td>
      <td className="number" data-csv={measured ?? ""}>
        {notTracked ? (
          <NotTracked reason={notTracked} />
        ) : tooFew ? (
          `too few to judge (${TOO_FEW_ON_A_SIDE})`
        ) : (
          formatUplift(measured)
        )}
      </td>
      <td className="number" data-csv={props.published}>
        {formatUplift(props.published)}
      </td>
    </tr>
  );
}

const MET_SERIES: IntervalSeries[] = [
  { id: "met", name: "SLA met", color: OKABE_ITO.blue },
  { id: "missed", name: "SLA missed", color: OKABE_ITO.vermillion },
];

export function SlaOutcomes(props: { alignment: Alignment }) {
  const upliftTable = useRef<HTMLTableElement>(null);
  if (!slaTracked(props.alignment.tracking))
    return (
      <p className="view-note" data-sla-outcomes="not-tracked">
        Outcomes of hand-offs within against outside the SLA: not tracked: {SLA_NOT_TRACKED_REASON}.
      </p>
    );
  const { outcomeTracking } = props.alignment;
  const met = props.alignment.bySla.find((g) => g.key === "met");
  const missed = props.alignment.bySla.find((g) => g.key === "missed");
  if (!met || !missed)
    return <p>Outcomes by SLA need hand-offs that met the SLA and hand-offs that missed it.</p>;
  const measures: { label: string; pick: (g: HandoffGroup) => Rate }[] = [
    { label: "SQL → opportunity", pick: (g) => g.sqlToOpportunity },
    { label: "Win rate", pick: (g) => g.winRate },
    { label: "Customers per hand-off", pick: (g) => g.customers },
  ];
  const categories: IntervalCategory[] = measures.map((m) => ({
    label: m.label,
    points: { met: m.pick(met), missed: m.pick(missed) },
  }));
  const side = (r: Rate) => ({ text: sideText(r), raw: r.value, trials: r.trials });
  const perHandoff = (g: HandoffGroup) => ({
    text: formatMoney(g.revenuePerHandoff),
    raw: g.revenuePerHandoff,
    trials: g.handoffs,
  });
  return (
    <>
      <IntervalBarChart
        title={slaOutcomeTitle(met, missed)}
        yLabel="Rate (% of leads entering)"
        series={MET_SERIES}
        categories={categories}
        textAlternative={
          <OutcomeTable
            caption="Outcomes by hand-off SLA"
            tracking={outcomeTracking}
            groups={[
              { label: "SLA met", group: met },
              { label: "SLA missed", group: missed },
            ]}
          />
        }
      />
      {/* One grid cell for the uplift table, its download and its caution (not a card per piece). */}
      <div className="alignment-uplift">
        <TableCsvButton table={upliftTable} label="measured uplift against the published effect" />
        <table
          ref={upliftTable}
          className="data-table"
          aria-label="Measured uplift against the published effect of alignment"
        >
          <caption>
            Measured uplift of SLA met over missed, beside the published effect of aligned teams
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">SLA met</th>
              <th scope="col">SLA missed</th>
              <th scope="col">Measured uplift</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            <UpliftRow
              id="win_rate"
              label="Win rate"
              met={side(met.winRate)}
              missed={side(missed.winRate)}
              published={PUBLISHED_EFFECT.winRate}
              notTracked={outcomeNotTracked(outcomeTracking, ["opportunity", "deal"])}
            />
            <UpliftRow
              id="customers"
              label="Customers per hand-off"
              met={side(met.customers)}
              missed={side(missed.customers)}
              published={PUBLISHED_EFFECT.customers}
              notTracked={outcomeNotTracked(outcomeTracking, ["deal"])}
            />
            <UpliftRow
              id="revenue"
              label="Revenue per hand-off"
              met={perHandoff(met)}
              missed={perHandoff(missed)}
              published={PUBLISHED_EFFECT.revenue}
              notTracked={outcomeNotTracked(outcomeTracking, ["deal"])}
            />
          </tbody>
        </table>
        <p className="view-note">
          Caution: this comparison is observational. Leads handled within the SLA may differ in other ways
          (team, size, quality), so the gap is not proof that meeting the SLA causes it; the published figures
          compare aligned with unaligned companies, not leads. An uplift is measured only when each side has
          at least {MIN_LEADS_TO_JUDGE} leads behind it.
        </p>
      </div>
    </>
  );
}

const BUCKET_SERIES: IntervalSeries[] = [
  { id: "sql", name: "MQL → SQL", color: OKABE_ITO.blue },
  { id: "win", name: "Win rate (opportunity → deal)", color: OKABE_ITO.orange },
];

const FAST = ["under_1h", "1_4h", "4_24h"];
const SLOW = ["1_3d", "over_3d"];

/** MQL → SQL of leads first contacted within 24 h against after it, or "too few to judge". */
export function contactBucketTitle(buckets: readonly HandoffGroup[]): string {
  const pooled = (keys: readonly string[]) => {
    const groups = buckets.filter((b) => keys.includes(b.key));
    return rate(
      groups.reduce((n, g) => n + g.mqlToSql.successes, 0),
      groups.reduce((n, g) => n + g.mqlToSql.trials, 0),
    );
  };
  const fast = pooled(FAST);
  const slow = pooled(SLOW);
  if (fast.value === null || slow.value === null) return "Outcomes by time from MQL to first sales contact";
  if (tooFewToCompare(fast, slow))
    return `Leads contacted within 24 h against after 24 h: too few to judge (${formatCountOf(fast.successes, fast.trials)} became SQL within 24 h, ${formatCountOf(slow.successes, slow.trials)} after; ${TOO_FEW_ON_A_SIDE})`;
  return `Leads contacted within 24 h become SQL ${formatPercent(fast.value)} of the time, after 24 h ${formatPercent(slow.value)}`;
}

export function ContactBuckets(props: { alignment: Alignment }) {
  const buckets = props.alignment.byContactBucket;
  if (!props.alignment.tracking.contact)
    return (
      <p className="view-note" data-contact-buckets="not-tracked">
        Outcomes by time from MQL to first sales contact: not tracked: {NOT_TRACKED_REASONS.contact}.
      </p>
    );
  const labelOf = (key: string) => CONTACT_BUCKETS.find((b) => b.id === key)?.label ?? key;
  return (
    <IntervalBarChart
      title={contactBucketTitle(buckets)}
      yLabel="Rate (% of leads entering)"
      series={BUCKET_SERIES}
      categories={buckets.map((b) => ({
        label: labelOf(b.key),
        points: { sql: b.mqlToSql, win: b.winRate },
      }))}
      textAlternative={
        <OutcomeTable
          caption="Outcomes by time from MQL to first sales contact"
          tracking={props.alignment.outcomeTracking}
          groups={buckets.map((b) => ({ label: labelOf(b.key), group: b }))}
        />
      }
      notes={
        <p>
          Buckets: &lt; 1 h, 1–4 h, 4–24 h, 1–3 days, &gt; 3 days (upper bounds included), never contacted
          after MQL (includes leads sales rejected without a contact and hand-offs still inside the contact
          target).
        </p>
      }
    />
  );
}
