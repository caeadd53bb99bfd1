// Table cells of the Alignment screen: a rate with its interval and counts, hours against a target, a
// met/missed badge, and "not tracked" with its reason (the cell keeps data-value, empty).

import type { ReactNode } from "react";
import type { Rate } from "../../model/alignment";
import { formatCount, formatHours, formatPercent } from "../../model/format";
import { TOO_FEW_TO_JUDGE } from "../../model/smallNumbers";

function formatInterval(r: Rate): string {
  return r.interval ? `${formatPercent(r.interval.low)}–${formatPercent(r.interval.high)}` : "";
}

/** "not tracked: no sales review (sales_review) events in the data" — never a 0 % or a blank. */
export function NotTracked(props: { reason: string }) {
  return <span className="not-tracked">not tracked: {props.reason}</span>;
}

/**
 * "27.3 % (95 % CI 21.0 %–34.6 %) · 12 of 44", with the small-sample flag as text. 0 of 0 prints no
 * percentage: "—" and `empty` (what there was none of). `notTracked` (a reason) replaces the figure.
 */
export function RateCell(props: {
  rate: Rate;
  team?: string;
  metric?: string;
  status?: ReactNode;
  notTracked?: string | null;
  empty?: string;
}) {
  const { rate: r } = props;
  const shown = props.notTracked ? null : r.value;
  return (
    <td
      className="number"
      data-team={props.team}
      data-metric={props.metric}
      data-value={shown ?? ""}
      data-small-sample={!props.notTracked && r.tooFew ? "true" : undefined}
    >
      {props.notTracked ? (
        <NotTracked reason={props.notTracked} />
      ) : r.trials === 0 ? (
        <>
          —<br />
          <span className="kpi-counts">{props.empty ?? "none to count"}</span>
        </>
      ) : (
        <>
          {formatPercent(r.value)}
          {r.interval && <span className="kpi-counts"> ({formatInterval(r)})</span>}
          <br />
          <span className="kpi-counts">
            {formatCount(r.successes)} of {formatCount(r.trials)}
          </span>
          {r.tooFew ? (
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
        </>
      )}
    </td>
  );
}

/** Met / missed as text, glyph and colour (never colour alone). */
export function Status(props: { ok: boolean; okText: string; badText: string }) {
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

export function HoursCell(props: {
  hours: number | null;
  target: number;
  team: string;
  metric: string;
  notTracked?: string | null;
}) {
  const hours = props.notTracked ? null : props.hours;
  return (
    <td className="number" data-team={props.team} data-metric={props.metric} data-value={hours ?? ""}>
      {props.notTracked ? <NotTracked reason={props.notTracked} /> : formatHours(hours)}
      {hours !== null && (
        <>
          <br />
          <Status
            ok={hours <= props.target}
            okText={`within ${formatHours(props.target)}`}
            badText={`over ${formatHours(props.target)}`}
          />
        </>
      )}
    </td>
  );
}
