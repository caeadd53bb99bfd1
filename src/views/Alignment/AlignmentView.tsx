// The Alignment screen: the marketing → sales hand-off per team (SLA, acceptance, alignment score, win
// rate), what meeting the SLA and contacting fast do to outcomes, mis-routed leads, and the SLA targets.

import { type ReactNode, type RefObject, useCallback, useRef, useState } from "react";
import type { MetricContext } from "../../app/useMetric";
import { useMetric } from "../../app/useMetric";
import type { IntervalCategory, IntervalSeries } from "../../charts/IntervalBarChart";
import { IntervalBarChart } from "../../charts/IntervalBarChart";
import { OKABE_ITO } from "../../charts/palette";
import type { SqlEngine } from "../../db/engine";
import { type Alignment, type HandoffGroup, queryAlignment } from "../../metrics/alignment";
import {
  ACCEPTANCE_GOAL,
  ALIGNMENT_SCORE_FORMULA,
  type AlignmentSettings,
  CONTACT_BUCKETS,
  formatUplift,
  PUBLISHED_EFFECT,
  type Rate,
  slaHeadline,
  uplift,
  validAlignmentSettings,
} from "../../model/alignment";
import { formatCount, formatHours, formatMoney, formatPercent } from "../../model/format";
import { TOO_FEW_TO_JUDGE } from "../../model/smallNumbers";
import { useAppStore } from "../../store";
import { TableCsvButton } from "../../ui/TableCsvButton";

const ROUTING_LABELS: Record<string, string> = {
  as_routed: "Routed as size calls for",
  misrouted: "Mis-routed",
  unknown: "Size or team unknown",
};

function formatInterval(r: Rate): string {
  return r.interval ? `${formatPercent(r.interval.low)}–${formatPercent(r.interval.high)}` : "";
}

/** "27.3 % (95 % CI 21.0 %–34.6 %) · 12 of 44", with the small-sample flag as text. */
function RateCell(props: { rate: Rate; team?: string; metric?: string; status?: ReactNode }) {
  const { rate: r } = props;
  return (
    <td
      className="number"
      data-team={props.team}
      data-metric={props.metric}
      data-value={r.value ?? ""}
      data-small-sample={r.tooFew ? "true" : undefined}
    >
      {formatPercent(r.value)}
      {r.interval && <span className="kpi-counts"> ({formatInterval(r)})</span>}
      <br />
      <span className="kpi-counts">
        {formatCount(r.successes)} of {formatCount(r.trials)}
      </span>
      {r.tooFew && r.trials > 0 ? (
        <>
          <br />
          <span className="small-sample-status">{TOO_FEW_TO_JUDGE}</span>
        </>
      ) : (
        props.status && (
          <>
            <br />
            {props.status}
          </>
        )
      )}
    </td>
  );
}

/** Met / missed as text, glyph and colour (never colour alone). */
function Status(props: { ok: boolean; okText: string; badText: string }) {
  return (
    <span
      className={`status-badge ${props.ok ? "status-within" : "status-below"}`}
      data-status={props.ok ? "met" : "missed"}
    >
      <span className="status-glyph" aria-hidden="true">
        {props.ok ? "●" : "▼"}
      </span>{" "}
      {props.ok ? props.okText : props.badText}
    </span>
  );
}

function HoursCell(props: { hours: number | null; target: number; team: string; metric: string }) {
  return (
    <td className="number" data-team={props.team} data-metric={props.metric} data-value={props.hours ?? ""}>
      {formatHours(props.hours)}
      {props.hours !== null && (
        <>
          <br />
          <Status
            ok={props.hours <= props.target}
            okText={`within ${formatHours(props.target)}`}
            badText={`over ${formatHours(props.target)}`}
          />
        </>
      )}
    </td>
  );
}

function Scorecard(props: { alignment: Alignment; settings: AlignmentSettings }) {
  const { teams } = props.alignment;
  const { targets, slaGoal } = props.settings;
  const best = [...teams]
    .filter((t) => t.alignmentScore !== null)
    .sort((a, b) => (b.alignmentScore ?? 0) - (a.alignmentScore ?? 0));
  const caption =
    best.length > 1
      ? `${best[0]?.key} is the best-aligned team (score ${formatPercent(best[0]?.alignmentScore ?? null)}), ${best[best.length - 1]?.key} the least (${formatPercent(best[best.length - 1]?.alignmentScore ?? null)})`
      : "Hand-off scorecard by team";
  const table = useRef<HTMLTableElement>(null);
  return (
    <section className="alignment-scorecard" aria-label="Team scorecard">
      <TableCsvButton table={table} label="team scorecard" />
      <table ref={table} className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Leads handed off</th>
            <th scope="col">Median to review</th>
            <th scope="col">Median to first contact</th>
            <th scope="col">Median to feedback</th>
            <th scope="col">Within SLA (goal {formatPercent(slaGoal)})</th>
            <th scope="col">Accepted (goal ≥ {formatPercent(ACCEPTANCE_GOAL)})</th>
            <th scope="col">Alignment score</th>
            <th scope="col">Win rate (opportunity → deal)</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.key} data-team={t.key}>
              <th scope="row">{t.key}</th>
              <td className="number" data-team={t.key} data-metric="handoffs" data-value={t.handoffs}>
                {formatCount(t.handoffs)}
              </td>
              <HoursCell
                hours={t.medianReviewHours}
                target={targets.reviewHours}
                team={t.key}
                metric="median_review_hours"
              />
              <HoursCell
                hours={t.medianContactHours}
                target={targets.contactHours}
                team={t.key}
                metric="median_contact_hours"
              />
              <HoursCell
                hours={t.medianFeedbackHours}
                target={targets.feedbackHours}
                team={t.key}
                metric="median_feedback_hours"
              />
              <RateCell
                rate={t.slaCompliance}
                team={t.key}
                metric="sla_compliance"
                status={
                  <Status
                    ok={(t.slaCompliance.value ?? 0) >= slaGoal}
                    okText="meets goal"
                    badText="below goal"
                  />
                }
              />
              <RateCell
                rate={t.acceptance}
                team={t.key}
                metric="acceptance"
                status={
                  <Status
                    ok={(t.acceptance.value ?? 0) >= ACCEPTANCE_GOAL}
                    okText="meets benchmark"
                    badText="below benchmark"
                  />
                }
              />
              <td
                className="number"
                data-team={t.key}
                data-metric="alignment_score"
                data-value={t.alignmentScore ?? ""}
              >
                {formatPercent(t.alignmentScore)}
              </td>
              <RateCell rate={t.winRate} team={t.key} metric="opportunity_win_rate" />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="view-note">
        {ALIGNMENT_SCORE_FORMULA} Hours are elapsed calendar hours from MQL (not business hours) to the first
        review, contact and feedback at or after it; touches before MQL do not count. Within SLA: review ≤{" "}
        {formatHours(targets.reviewHours)}, contact ≤ {formatHours(targets.contactHours)} and feedback ≤{" "}
        {formatHours(targets.feedbackHours)} all met (contact is not required of a lead sales rejected);
        hand-offs whose deadline has not passed yet are left out.
      </p>
    </section>
  );
}

function OutcomeTable(props: {
  caption: string;
  groups: readonly { label: string; group: HandoffGroup }[];
  tableRef?: RefObject<HTMLTableElement | null>;
}) {
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
            <RateCell rate={group.mqlToSql} />
            <RateCell rate={group.sqlToOpportunity} />
            <RateCell rate={group.winRate} />
            <RateCell rate={group.customers} />
            <td className="number">{formatMoney(group.revenue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MET_SERIES: IntervalSeries[] = [
  { id: "met", name: "SLA met", color: OKABE_ITO.blue },
  { id: "missed", name: "SLA missed", color: OKABE_ITO.vermillion },
];

function SlaOutcomes(props: { alignment: Alignment }) {
  const upliftTable = useRef<HTMLTableElement>(null);
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
  const winUplift = uplift(met.winRate.value, missed.winRate.value);
  const customersUplift = uplift(met.customers.value, missed.customers.value);
  const revenueUplift = uplift(met.revenuePerHandoff, missed.revenuePerHandoff);
  const title =
    met.winRate.value !== null && missed.winRate.value !== null
      ? `Hand-offs within SLA win ${formatPercent(met.winRate.value)} of opportunities, against ${formatPercent(missed.winRate.value)} when the SLA is missed`
      : "Outcomes of hand-offs within and outside the SLA";
  return (
    <>
      <IntervalBarChart
        title={title}
        yLabel="Rate (% of leads entering)"
        series={MET_SERIES}
        categories={categories}
        textAlternative={
          <OutcomeTable
            caption="Outcomes by hand-off SLA"
            groups={[
              { label: "SLA met", group: met },
              { label: "SLA missed", group: missed },
            ]}
          />
        }
      />
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
          <tr data-uplift="win_rate" data-value={winUplift ?? ""}>
            <th scope="row">Win rate</th>
            <td className="number" data-csv={met.winRate.value ?? ""}>
              {formatPercent(met.winRate.value)}
            </td>
            <td className="number" data-csv={missed.winRate.value ?? ""}>
              {formatPercent(missed.winRate.value)}
            </td>
            <td className="number" data-csv={winUplift ?? ""}>
              {formatUplift(winUplift)}
            </td>
            <td className="number" data-csv={PUBLISHED_EFFECT.winRate}>
              {formatUplift(PUBLISHED_EFFECT.winRate)}
            </td>
          </tr>
          <tr data-uplift="customers" data-value={customersUplift ?? ""}>
            <th scope="row">Customers per hand-off</th>
            <td className="number" data-csv={met.customers.value ?? ""}>
              {formatPercent(met.customers.value)}
            </td>
            <td className="number" data-csv={missed.customers.value ?? ""}>
              {formatPercent(missed.customers.value)}
            </td>
            <td className="number" data-csv={customersUplift ?? ""}>
              {formatUplift(customersUplift)}
            </td>
            <td className="number" data-csv={PUBLISHED_EFFECT.customers}>
              {formatUplift(PUBLISHED_EFFECT.customers)}
            </td>
          </tr>
          <tr data-uplift="revenue" data-value={revenueUplift ?? ""}>
            <th scope="row">Revenue per hand-off</th>
            <td className="number" data-csv={met.revenuePerHandoff ?? ""}>
              {formatMoney(met.revenuePerHandoff)}
            </td>
            <td className="number" data-csv={missed.revenuePerHandoff ?? ""}>
              {formatMoney(missed.revenuePerHandoff)}
            </td>
            <td className="number" data-csv={revenueUplift ?? ""}>
              {formatUplift(revenueUplift)}
            </td>
            <td className="number" data-csv={PUBLISHED_EFFECT.revenue}>
              {formatUplift(PUBLISHED_EFFECT.revenue)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="view-note">
        Caution: this comparison is observational. Leads handled within the SLA may differ in other ways
        (team, size, quality), so the gap is not proof that meeting the SLA causes it; the published figures
        compare aligned with unaligned companies, not leads.
      </p>
    </>
  );
}

const BUCKET_SERIES: IntervalSeries[] = [
  { id: "sql", name: "MQL → SQL", color: OKABE_ITO.blue },
  { id: "win", name: "Win rate (opportunity → deal)", color: OKABE_ITO.orange },
];

function ContactBuckets(props: { alignment: Alignment }) {
  const buckets = props.alignment.byContactBucket;
  const labelOf = (key: string) => CONTACT_BUCKETS.find((b) => b.id === key)?.label ?? key;
  const fast = buckets.filter((b) => ["under_1h", "1_4h", "4_24h"].includes(b.key));
  const slow = buckets.filter((b) => ["1_3d", "over_3d"].includes(b.key));
  const sum = (groups: HandoffGroup[], pick: (g: HandoffGroup) => Rate) => {
    const successes = groups.reduce((n, g) => n + pick(g).successes, 0);
    const trials = groups.reduce((n, g) => n + pick(g).trials, 0);
    return trials > 0 ? successes / trials : null;
  };
  const fastSql = sum(fast, (g) => g.mqlToSql);
  const slowSql = sum(slow, (g) => g.mqlToSql);
  const title =
    fastSql !== null && slowSql !== null
      ? `Leads contacted within 24 h become SQL ${formatPercent(fastSql)} of the time, after 24 h ${formatPercent(slowSql)}`
      : "Outcomes by time from MQL to first sales contact";
  return (
    <IntervalBarChart
      title={title}
      yLabel="Rate (% of leads entering)"
      series={BUCKET_SERIES}
      categories={buckets.map((b) => ({
        label: labelOf(b.key),
        points: { sql: b.mqlToSql, win: b.winRate },
      }))}
      textAlternative={
        <OutcomeTable
          caption="Outcomes by time from MQL to first sales contact"
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

function Misrouting(props: { alignment: Alignment }) {
  const { byRouting, misrouted, total } = props.alignment;
  const wrong = byRouting.find((g) => g.key === "misrouted");
  const right = byRouting.find((g) => g.key === "as_routed");
  const count = wrong?.handoffs ?? 0;
  const routingTable = useRef<HTMLTableElement>(null);
  const misroutedTable = useRef<HTMLTableElement>(null);
  const sentence =
    count === 0
      ? "Every hand-off with a known company size went to the team its size calls for."
      : `${formatCount(count)} of ${formatCount(total?.handoffs ?? 0)} hand-offs went to another team than their company size calls for; ${formatPercent(wrong?.acceptance.value ?? null)} were accepted (${formatPercent(right?.acceptance.value ?? null)} when routed right) and ${formatCount(wrong?.won ?? 0)} became customers.`;
  return (
    <section aria-labelledby="misrouting-title">
      <h3 id="misrouting-title" className="chart-title" data-misrouted={count}>
        {sentence}
      </h3>
      <TableCsvButton table={routingTable} label="outcomes by routing" />
      <OutcomeTable
        caption="Outcomes by routing"
        groups={byRouting.map((g) => ({ label: ROUTING_LABELS[g.key] ?? g.key, group: g }))}
        tableRef={routingTable}
      />
      {misrouted.length > 0 && <TableCsvButton table={misroutedTable} label="mis-routed hand-offs" />}
      {misrouted.length > 0 && (
        <table ref={misroutedTable} className="data-table">
          <caption>Mis-routed hand-offs: the team their size calls for and the team they went to</caption>
          <thead>
            <tr>
              <th scope="col">Size calls for</th>
              <th scope="col">Went to</th>
              <th scope="col">Hand-offs</th>
              <th scope="col">Accepted</th>
              <th scope="col">Rejected</th>
              <th scope="col">Became SQL</th>
              <th scope="col">Won</th>
            </tr>
          </thead>
          <tbody>
            {misrouted.map((g) => (
              <tr key={`${g.key}>${g.subKey}`}>
                <td>{g.key}</td>
                <td>{g.subKey}</td>
                <td className="number">{formatCount(g.handoffs)}</td>
                <td className="number">{formatCount(g.acceptance.successes)}</td>
                <td className="number">{formatCount(g.rejected)}</td>
                <td className="number">{formatCount(g.mqlToSql.successes)}</td>
                <td className="number">{formatCount(g.won)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SlaBreakdown(props: {
  caption: string;
  groups: readonly HandoffGroup[];
  label: (g: HandoffGroup) => string;
}) {
  const table = useRef<HTMLTableElement>(null);
  return (
    <details className="chart-data">
      <summary>{props.caption}</summary>
      <TableCsvButton table={table} label={props.caption} />
      <table ref={table} className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Hand-offs</th>
            <th scope="col">Review within SLA</th>
            <th scope="col">Contact within SLA</th>
            <th scope="col">Feedback within SLA</th>
            <th scope="col">Whole SLA met</th>
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g) => (
            <tr key={`${g.key}>${g.subKey ?? ""}`}>
              <th scope="row">{props.label(g)}</th>
              <td className="number">{formatCount(g.handoffs)}</td>
              <RateCell rate={g.reviewSla} />
              <RateCell rate={g.contactSla} />
              <RateCell rate={g.feedbackSla} />
              <RateCell rate={g.slaCompliance} />
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function NumberSetting(props: {
  label: string;
  value: number;
  min: number;
  step: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="filter">
      {props.label}
      <input
        type="number"
        min={props.min}
        step={props.step}
        value={props.value}
        onChange={(event) => {
          const value = event.currentTarget.valueAsNumber;
          if (Number.isFinite(value)) props.onChange(value);
        }}
      />
    </label>
  );
}

function SlaSettings() {
  const settings = useAppStore((s) => s.alignment);
  const setAlignment = useAppStore((s) => s.setAlignment);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (next: AlignmentSettings) => {
    if (validAlignmentSettings(next)) {
      setProblem(null);
      setAlignment(next);
    } else
      setProblem("Targets must be above 0, the goal between 0 and 100 %, and every band needs a team name.");
  };
  const target = (key: keyof AlignmentSettings["targets"]) => (value: number) =>
    update({ ...settings, targets: { ...settings.targets, [key]: value } });
  return (
    <fieldset className="filter-bar alignment-settings">
      <legend>SLA targets and routing</legend>
      <NumberSetting
        label="Review within (hours)"
        value={settings.targets.reviewHours}
        min={0.1}
        step={0.5}
        onChange={target("reviewHours")}
      />
      <NumberSetting
        label="First contact within (hours)"
        value={settings.targets.contactHours}
        min={0.1}
        step={1}
        onChange={target("contactHours")}
      />
      <NumberSetting
        label="Feedback within (hours)"
        value={settings.targets.feedbackHours}
        min={0.1}
        step={1}
        onChange={target("feedbackHours")}
      />
      <NumberSetting
        label="Share of hand-offs within SLA goal (%)"
        value={Math.round(settings.slaGoal * 1000) / 10}
        min={0}
        step={1}
        onChange={(value) => update({ ...settings, slaGoal: value / 100 })}
      />
      {settings.routing.map((band, i) => (
        // Bands are edited in place; their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the band's position is its identity while editing
        <span key={i} className="filter">
          <NumberSetting
            label={`Band ${i + 1}: from employees`}
            value={band.minEmployees}
            min={0}
            step={1}
            onChange={(minEmployees) =>
              update({
                ...settings,
                routing: settings.routing.map((b, j) => (j === i ? { ...b, minEmployees } : b)),
              })
            }
          />
          <label className="filter">
            {`Band ${i + 1}: team`}
            <input
              type="text"
              value={band.team}
              onChange={(event) => {
                const team = event.currentTarget.value;
                update({
                  ...settings,
                  routing: settings.routing.map((b, j) => (j === i ? { ...b, team } : b)),
                });
              }}
            />
          </label>
        </span>
      ))}
      {problem && (
        <p className="banner banner-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

export function AlignmentView() {
  const settings = useAppStore((s) => s.alignment);
  const run = useCallback(
    (engine: SqlEngine, context: MetricContext) =>
      queryAlignment(engine, { filters: context.filters }, settings),
    [settings],
  );
  const state = useMetric(run, [run]);
  if (state.status === "loading")
    return (
      <div className="view-state" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p>Measuring the hand-off…</p>
      </div>
    );
  if (state.status === "error")
    return (
      <div className="view-state view-state-error" role="alert">
        <h2>The hand-off could not be measured</h2>
        <p>{state.message}</p>
      </div>
    );
  const alignment = state.data;
  const headline =
    alignment.teams.length === 0
      ? "No lead in this selection has an MQL date, so there is no hand-off to measure."
      : slaHeadline(
          alignment.teams.map((t) => ({ team: t.key, slaCompliance: t.slaCompliance, winRate: t.winRate })),
          settings.slaGoal,
        );
  return (
    <div className="overview alignment">
      <header className="view-header">
        <h2 className="headline" data-headline="alignment">
          {headline}
        </h2>
        {alignment.skippedMql > 0 && (
          <p className="view-note">
            {formatCount(alignment.skippedMql)} leads reached MQL only by skipping it (no MQL date), so they
            have no hand-off to time and are left out here.
          </p>
        )}
      </header>
      {alignment.teams.length > 0 && (
        <>
          <Scorecard alignment={alignment} settings={settings} />
          <div className="chart-grid">
            <SlaOutcomes alignment={alignment} />
            <ContactBuckets alignment={alignment} />
          </div>
          <Misrouting alignment={alignment} />
          <SlaBreakdown
            caption="SLA compliance by owner"
            groups={alignment.owners}
            label={(g) => `${g.subKey ?? ""} (${g.key})`}
          />
          <SlaBreakdown
            caption="SLA compliance by month of MQL"
            groups={alignment.months}
            label={(g) => g.key}
          />
        </>
      )}
      <SlaSettings />
    </div>
  );
}
