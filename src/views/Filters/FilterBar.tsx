// The shared controls: segment filters, period presets and date range, the way of counting it (cohort
// or in period), the comparison with the previous period, and the optional conversion window (bounds from src/model/settingsBounds.ts, the
// same a link is read with). A filter from a link with several values, or values not in the data,
// says so in its select.

import { useId } from "react";
import { type SegmentOptions, segmentOptionsMetric } from "../../metrics/segments";
import { COUNT_EXPLAINED, COUNT_LABELS, COUNT_MODES, type CountMode, hasPeriod } from "../../model/counting";
import { DIMENSION_LABELS, type Dimension, type FunnelFilters } from "../../model/filters";
import { formatCount } from "../../model/format";
import {
  matchingPreset,
  PERIOD_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
} from "../../model/period";
import { COHORT_DAYS, isCalendarDay, parseWholeDays, WINDOW_DAYS } from "../../model/settingsBounds";
import { useAsOf } from "../../queries/useAsOf";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";

const SHOWN: Dimension[] = ["campaign", "channel", "team", "region", "company_size", "industry"];

/**
 * What a filter's select shows for the chosen values: one value of the data is that option; several
 * values, or values the data does not hold (a link made on other data, or edited by hand), are one
 * extra option naming each ("Webinars, NoSuchCampaign — not in this data"). Its value is a string no
 * data value uses, so picking a real option replaces the lot.
 */
export function chosenOption(
  chosen: readonly string[],
  known: ReadonlySet<string>,
): { value: string; extra: { value: string; text: string } | null } {
  if (chosen.length === 0) return { value: "", extra: null };
  const only = chosen[0] as string;
  if (chosen.length === 1 && known.has(only)) return { value: only, extra: null };
  let value = "*";
  while (known.has(value)) value += "*";
  const text = chosen.map((v) => (known.has(v) ? v : `${v} — not in this data`)).join(", ");
  return { value, extra: { value, text } };
}

/**
 * "Count": Cohort or In period, a radio group (arrow keys move between the two), each way explained
 * in its tooltip and accessible description. Without a period both ways count every lead the same:
 * it says so instead of offering the choice.
 */
export function CountControl(props: { periodChosen: boolean }) {
  const count = useAppStore((s) => s.count);
  const setCount = useAppStore((s) => s.setCount);
  const id = useId();
  if (!props.periodChosen)
    return (
      <p className="filter filter-count-same" data-count-choice="same">
        <span>Count</span>
        <span className="filter-count-note">Cohort and in period give the same counts without a period</span>
      </p>
    );
  return (
    <fieldset className="filter filter-count">
      <legend>Count</legend>
      <div className="filter-count-options">
        {COUNT_MODES.map((mode: CountMode) => (
          <label key={mode} title={COUNT_EXPLAINED[mode]}>
            <input
              type="radio"
              name={`${id}-count`}
              value={mode}
              checked={count === mode}
              aria-describedby={`${id}-${mode}`}
              onChange={() => setCount(mode)}
            />
            <span>{COUNT_LABELS[mode]}</span>
            <span id={`${id}-${mode}`} hidden>
              {COUNT_EXPLAINED[mode]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function useSegmentOptions(): SegmentOptions | null {
  const state = useQuery(segmentOptionsMetric, undefined);
  return state.status === "ready" ? state.data : null;
}

export function FilterBar() {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const choosePeriod = useAppStore((s) => s.choosePeriod);
  const windowDays = useAppStore((s) => s.windowDays);
  const setWindowDays = useAppStore((s) => s.setWindowDays);
  const compare = useAppStore((s) => s.compare);
  const setCompare = useAppStore((s) => s.setCompare);
  const options = useSegmentOptions();
  const asOf = useAsOf();
  if (!dataset) return null;
  const preset = matchingPreset(filters, asOf ?? null);
  const setPreset = (value: string) => {
    if (!asOf && value !== "all") return;
    choosePeriod(presetPeriod(value as PeriodPreset, asOf ?? ""));
  };

  const setSegment = (dimension: Dimension, value: string) =>
    setFilters({ ...filters, segments: { ...filters.segments, [dimension]: value ? [value] : [] } });
  const setDate = (key: "from" | "to", value: string) => {
    if (value === "" || isCalendarDay(value))
      setFilters({ ...filters, [key]: value === "" ? null : value } as FunnelFilters);
  };

  return (
    <section className="filter-bar" aria-label="Filters">
      {SHOWN.map((dimension) => {
        const values = options?.[dimension] ?? [];
        const chosen = filters.segments[dimension] ?? [];
        if (!options || (values.length <= 1 && chosen.length === 0)) return null;
        const shown = chosenOption(chosen, new Set(values.map((v) => v.value)));
        return (
          <label key={dimension} className="filter">
            <span>{DIMENSION_LABELS[dimension]}</span>
            <select
              aria-label={DIMENSION_LABELS[dimension]}
              value={shown.value}
              onChange={(e) => {
                if (e.currentTarget.value !== shown.extra?.value)
                  setSegment(dimension, e.currentTarget.value);
              }}
            >
              <option value="">All</option>
              {shown.extra && <option value={shown.extra.value}>{shown.extra.text}</option>}
              {values.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.value} ({formatCount(v.leads)})
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="filter">
        <span>Period</span>
        <select
          aria-label="Period"
          value={preset ?? "custom"}
          onChange={(e) => setPreset(e.currentTarget.value)}
          title={asOf ? `Periods end on the data's last day, ${asOf}` : undefined}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p} disabled={p !== "all" && !asOf}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
          {preset === null && <option value="custom">Custom range</option>}
        </select>
      </label>
      <label className="filter">
        <span>Cohort from</span>
        <input
          type="date"
          aria-label="Cohort from"
          min={COHORT_DAYS.min}
          max={COHORT_DAYS.max}
          value={filters.from ?? ""}
          onChange={(e) => setDate("from", e.currentTarget.value)}
        />
      </label>
      <label className="filter">
        <span>Cohort to</span>
        <input
          type="date"
          aria-label="Cohort to"
          min={COHORT_DAYS.min}
          max={COHORT_DAYS.max}
          value={filters.to ?? ""}
          onChange={(e) => setDate("to", e.currentTarget.value)}
        />
      </label>
      <CountControl periodChosen={hasPeriod(filters)} />
      <label className="filter filter-check">
        <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} />
        <span>Compare with previous period</span>
      </label>
      <label className="filter">
        <span>Conversion window (days)</span>
        <input
          type="number"
          min={WINDOW_DAYS.min}
          max={WINDOW_DAYS.max}
          step={1}
          placeholder="none"
          value={windowDays ?? ""}
          onChange={(e) => {
            const text = e.currentTarget.value;
            // Empty is "no window"; a value outside the bounds is refused and the last valid one stays.
            if (text === "") setWindowDays(null);
            else {
              const days = parseWholeDays(text, WINDOW_DAYS);
              if (days !== null) setWindowDays(days);
            }
          }}
        />
      </label>
    </section>
  );
}
