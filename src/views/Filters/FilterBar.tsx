// The shared controls: segment filters, period presets and cohort date range, the comparison with the
// previous period, and the optional conversion window.

import { useEffect, useState } from "react";
import { appEngine } from "../../app/engine";
import { useAsOf } from "../../app/useAsOf";
import { querySegmentOptions, type SegmentOptions } from "../../metrics/segments";
import { DIMENSION_LABELS, type Dimension, type FunnelFilters } from "../../model/filters";
import { formatCount } from "../../model/format";
import {
  matchingPreset,
  PERIOD_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  presetPeriod,
} from "../../model/period";
import { useAppStore } from "../../store";

const SHOWN: Dimension[] = ["campaign", "channel", "team", "region", "company_size", "industry"];

function useSegmentOptions(version: number | undefined): SegmentOptions | null {
  const [options, setOptions] = useState<SegmentOptions | null>(null);
  useEffect(() => {
    if (version === undefined) return;
    let current = true;
    appEngine()
      .then(querySegmentOptions)
      .then((o) => current && setOptions(o))
      .catch(() => current && setOptions(null));
    return () => {
      current = false;
    };
  }, [version]);
  return options;
}

export function FilterBar() {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const windowDays = useAppStore((s) => s.windowDays);
  const setWindowDays = useAppStore((s) => s.setWindowDays);
  const compare = useAppStore((s) => s.compare);
  const setCompare = useAppStore((s) => s.setCompare);
  const options = useSegmentOptions(dataset?.version);
  const asOf = useAsOf();
  if (!dataset) return null;
  const preset = matchingPreset(filters, asOf ?? null);
  const setPreset = (value: string) => {
    if (!asOf && value !== "all") return;
    setFilters({ ...filters, ...presetPeriod(value as PeriodPreset, asOf ?? "") });
  };

  const setSegment = (dimension: Dimension, value: string) =>
    setFilters({ ...filters, segments: { ...filters.segments, [dimension]: value ? [value] : [] } });
  const setDate = (key: "from" | "to", value: string) =>
    setFilters({ ...filters, [key]: value === "" ? null : value } as FunnelFilters);

  return (
    <section className="filter-bar" aria-label="Filters">
      {SHOWN.map((dimension) => {
        const values = options?.[dimension] ?? [];
        if (values.length <= 1) return null;
        return (
          <label key={dimension} className="filter">
            <span>{DIMENSION_LABELS[dimension]}</span>
            <select
              aria-label={DIMENSION_LABELS[dimension]}
              value={filters.segments[dimension]?.[0] ?? ""}
              onChange={(e) => setSegment(dimension, e.currentTarget.value)}
            >
              <option value="">All</option>
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
          value={filters.from ?? ""}
          onChange={(e) => setDate("from", e.currentTarget.value)}
        />
      </label>
      <label className="filter">
        <span>Cohort to</span>
        <input
          type="date"
          aria-label="Cohort to"
          value={filters.to ?? ""}
          onChange={(e) => setDate("to", e.currentTarget.value)}
        />
      </label>
      <label className="filter filter-check">
        <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} />
        <span>Compare with previous period</span>
      </label>
      <label className="filter">
        <span>Conversion window (days)</span>
        <input
          type="number"
          min={1}
          step={1}
          placeholder="none"
          value={windowDays ?? ""}
          onChange={(e) => {
            const days = Number.parseInt(e.currentTarget.value, 10);
            setWindowDays(Number.isInteger(days) && days >= 1 ? days : null);
          }}
        />
      </label>
    </section>
  );
}
