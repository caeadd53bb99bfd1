// The shared controls: segment filters, period presets and date range, the way of counting it (cohort
// or in period), the comparison with the previous period, and the optional conversion window (bounds from src/model/settingsBounds.ts, the
// same a link is read with). A filter from a link with several values, or values not in the data,
// says so in its select.

import { useId, useState } from "react";
import {
  type SegmentCounts,
  type SegmentOptions,
  segmentCountsMetric,
  segmentOptionsMetric,
} from "../../metrics/segments";
import type { RoutingBand } from "../../model/alignment";
import { type CategoryText, categoryLabeller } from "../../model/categoryText";
import {
  COUNT_EXPLAINED,
  COUNT_LABELS,
  COUNT_MODES,
  type CountMode,
  countIn,
  hasPeriod,
} from "../../model/counting";
import { DIMENSION_LABELS, DIMENSIONS, type Dimension, type FunnelFilters } from "../../model/filters";
import { formatCount } from "../../model/format";
import {
  formatDayText,
  matchingPreset,
  PERIOD_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
} from "../../model/period";
import { COHORT_DAYS, isCalendarDay, parseWholeDays, WINDOW_DAYS } from "../../model/settingsBounds";
import { parseSizeBand, sizeBandText, sizeMenu } from "../../model/sizeBands";
import { useAsOf } from "../../queries/useAsOf";
import { useQuery } from "../../queries/useQuery";
import { useAppStore } from "../../store";
import { CurrencySetting } from "./CurrencySetting";

/**
 * What a filter's select shows for the chosen values: one value of the data is that option; several
 * values, or values the data does not hold (a link made on other data, or edited by hand), are one
 * extra option naming each ("Webinars, NoSuchCampaign — not in this data"). Its value is a string no
 * data value uses, so picking a real option replaces the lot.
 */
export function chosenOption(
  chosen: readonly string[],
  known: ReadonlySet<string>,
  describe: (value: string) => string = (value) => (known.has(value) ? value : `${value} — not in this data`),
): { value: string; extra: { value: string; text: string } | null } {
  if (chosen.length === 0) return { value: "", extra: null };
  const only = chosen[0] as string;
  if (chosen.length === 1 && known.has(only)) return { value: only, extra: null };
  let value = "*";
  while (known.has(value)) value += "*";
  const text = chosen.map(describe).join(", ");
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
      <p
        className="filter filter-count-same"
        data-count-choice="same"
        title="Cohort and in period give the same counts without a period: every lead that reached each stage counts."
      >
        <span>Count</span>
        <span className="filter-count-note">Same either way (no period)</span>
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

/**
 * The menus' counts under the other filters (faceted), or null while there is no filter (then the
 * unfiltered counts are the faceted ones) or before the first answer. A stale answer keeps showing
 * until the new one lands, as every figure does.
 */
function useSegmentCounts(filtered: boolean): SegmentCounts | null {
  const state = useQuery(segmentCountsMetric, undefined, { enabled: filtered, priority: "background" });
  return filtered && state.status === "ready" ? state.data : null;
}

/** One option of a filter menu: a stored value (its text tidied) or a company-size band. */
export interface MenuEntry {
  /** The filter value: the stored value, or a band's value ("1000+ employees"). */
  value: string;
  text: string;
  /** The option's tooltip: the stored value when the text tidies it, what a band holds. */
  title: string | null;
  /** What the select's tooltip adds while the entry is chosen ("stored as PAID_SOCIAL"). */
  note: string | null;
  /** Leads in the data, or under the other filters once a filter is set. */
  leads: number;
}

/**
 * A menu's options. Company sizes written as head counts become the routing's bands, each with the
 * leads of its head counts (src/model/sizeBands.ts); every other value is offered as stored, its text
 * tidied (PAID_SOCIAL → Paid social).
 */
export function menuEntries(
  dimension: Dimension,
  values: readonly { value: string; leads: number }[],
  counts: SegmentCounts | null,
  routing: readonly RoutingBand[],
  label: (value: string) => CategoryText = categoryLabeller(values.map((v) => v.value)),
): MenuEntry[] {
  const leadsOf = (value: string) =>
    counts ? (counts[dimension][value] ?? 0) : (values.find((v) => v.value === value)?.leads ?? 0);
  const stored = (value: string, leads: number): MenuEntry => {
    const text = label(value);
    return {
      value,
      text: text.text,
      title: text.title,
      note: text.title === null ? null : `stored as ${text.title}`,
      leads,
    };
  };
  const bands = dimension === "company_size" ? sizeMenu(values, routing, leadsOf) : null;
  if (bands === null) return values.map((v) => stored(v.value, leadsOf(v.value)));
  return bands.map((entry) =>
    parseSizeBand(entry.value) === null || inValues(values, entry.value)
      ? stored(entry.value, entry.leads)
      : { ...entry, note: entry.title },
  );
}

const inValues = (values: readonly { value: string }[], value: string) =>
  values.some((v) => v.value === value);

/** The filters in the compact row; the rest sit behind "More filters". */
const PRIMARY: Dimension[] = ["campaign", "channel"];
const MORE: Dimension[] = ["team", "region", "company_size", "industry"];

function SegmentFilter(props: {
  dimension: Dimension;
  options: SegmentOptions | null;
  counts: SegmentCounts | null;
}) {
  const { dimension, options, counts } = props;
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const routing = useAppStore((s) => s.alignment.routing);
  const values = options?.[dimension] ?? [];
  const chosen = filters.segments[dimension] ?? [];
  if (!options || (values.length <= 1 && chosen.length === 0)) return null;
  // Enum codes read tidied (PAID_SOCIAL → Paid social); the option's value, the filter and the URL keep
  // the stored value, and the option's tooltip names it.
  const label = categoryLabeller(values.map((v) => v.value));
  const entries = menuEntries(dimension, values, counts, routing, label);
  const byValue = new Map(entries.map((e) => [e.value, e]));
  const inData = new Set(values.map((v) => v.value));
  // A value of the menu reads as its option does; a band the routing no longer has, a stored value the
  // menu shows within a band, or one the data lacks is named as such.
  const shown = chosenOption(chosen, new Set(byValue.keys()), (v) => {
    const entry = byValue.get(v);
    if (entry) return entry.text;
    const band = dimension === "company_size" ? sizeBandText(v) : null;
    if (band !== null) return `${band} — not a band of the routing settings`;
    return inData.has(v) ? label(v).text : `${v} — not in this data`;
  });
  const notes = chosen.flatMap((v) => {
    const note = byValue.get(v)?.note;
    return note ? [note] : [];
  });
  const setSegment = (value: string) =>
    setFilters({ ...filters, segments: { ...filters.segments, [dimension]: value ? [value] : [] } });
  return (
    <label className="filter">
      <span>{DIMENSION_LABELS[dimension]}</span>
      <select
        aria-label={DIMENSION_LABELS[dimension]}
        value={shown.value}
        title={`${
          counts === null
            ? "Leads in the data"
            : hasPeriod(filters)
              ? "Leads that became leads in the period, under the other filters"
              : "Leads under the other filters"
        }${notes.length > 0 ? ` · ${notes.join("; ")}` : ""}`}
        onChange={(e) => {
          if (e.currentTarget.value !== shown.extra?.value) setSegment(e.currentTarget.value);
        }}
      >
        <option value="">All</option>
        {shown.extra && <option value={shown.extra.value}>{shown.extra.text}</option>}
        {entries.map((entry) => (
          <option key={entry.value} value={entry.value} title={entry.title ?? undefined}>
            {entry.text} ({formatCount(entry.leads)})
          </option>
        ))}
      </select>
    </label>
  );
}

function WindowFilter() {
  const windowDays = useAppStore((s) => s.windowDays);
  const setWindowDays = useAppStore((s) => s.setWindowDays);
  return (
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
  );
}

/** How many of the filters behind "More filters" are set (said on the button while they are hidden). */
export function hiddenFiltersSet(filters: FunnelFilters, windowDays: number | null): number {
  // The currency is a way of writing amounts, not a filter: it does not open the row.
  return MORE.filter((d) => (filters.segments[d] ?? []).length > 0).length + (windowDays === null ? 0 : 1);
}

export function FilterBar() {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const choosePeriod = useAppStore((s) => s.choosePeriod);
  const windowDays = useAppStore((s) => s.windowDays);
  const compare = useAppStore((s) => s.compare);
  const setCompare = useAppStore((s) => s.setCompare);
  const count = useAppStore((s) => s.count);
  const options = useSegmentOptions();
  const filtered = hasPeriod(filters) || DIMENSIONS.some((d) => (filters.segments[d] ?? []).length > 0);
  const counts = useSegmentCounts(filtered);
  const asOf = useAsOf();
  const hiddenSet = hiddenFiltersSet(filters, windowDays);
  // Until the user opens or closes it, the second row shows exactly when one of its filters is set
  // (by a link, the last visit or another tab), so a filter in force is never out of sight.
  const [moreChosen, setMoreOpen] = useState<boolean | null>(null);
  const moreOpen = moreChosen ?? hiddenSet > 0;
  const moreId = useId();
  if (!dataset) return null;
  const preset = matchingPreset(filters, asOf ?? null);
  const setPreset = (value: string) => {
    if (!asOf && value !== "all") return;
    choosePeriod(presetPeriod(value as PeriodPreset, asOf ?? ""));
  };
  const setDate = (key: "from" | "to", value: string) => {
    if (value === "" || isCalendarDay(value))
      setFilters({ ...filters, [key]: value === "" ? null : value } as FunnelFilters);
  };
  // In period, the two days bound when stage entries are counted; by cohort, when leads became leads.
  const inPeriod = countIn(filters, count) === "period";
  const dayLabel = (end: "from" | "to") => `${inPeriod ? "Counted" : "Cohort"} ${end}`;
  const dayTitle = inPeriod
    ? "Stage entries on these days are counted (both days included)"
    : "Leads that became leads on these days (both days included)";

  return (
    <section className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        {PRIMARY.map((dimension) => (
          <SegmentFilter key={dimension} dimension={dimension} options={options} counts={counts} />
        ))}
        <label className="filter">
          <span>Period</span>
          <select
            aria-label="Period"
            value={preset ?? "custom"}
            onChange={(e) => setPreset(e.currentTarget.value)}
            title={asOf ? `Periods end on the data's last day, ${formatDayText(asOf)}` : undefined}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p} disabled={p !== "all" && !asOf}>
                {PERIOD_LABELS[p]}
              </option>
            ))}
            {preset === null && <option value="custom">Custom range</option>}
          </select>
        </label>
        {(["from", "to"] as const).map((end) => (
          <label key={end} className="filter filter-day" title={dayTitle}>
            <span>{dayLabel(end)}</span>
            <input
              type="date"
              aria-label={dayLabel(end)}
              min={COHORT_DAYS.min}
              max={COHORT_DAYS.max}
              value={filters[end] ?? ""}
              onChange={(e) => setDate(end, e.currentTarget.value)}
            />
          </label>
        ))}
        <CountControl periodChosen={hasPeriod(filters)} />
        <label className="filter filter-check">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} />
          <span>Compare with previous period</span>
        </label>
        <button
          type="button"
          className="filter-more"
          aria-expanded={moreOpen}
          aria-controls={moreId}
          onClick={() => setMoreOpen(!moreOpen)}
        >
          {moreOpen ? "Fewer filters" : "More filters"}
          {!moreOpen && hiddenSet > 0 && ` (${formatCount(hiddenSet)} set)`}
        </button>
      </div>
      {moreOpen && (
        <div className="filter-row filter-row-more" id={moreId}>
          {MORE.map((dimension) => (
            <SegmentFilter key={dimension} dimension={dimension} options={options} counts={counts} />
          ))}
          <WindowFilter />
          <CurrencySetting />
        </div>
      )}
    </section>
  );
}
