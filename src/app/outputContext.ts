// The output context (model/outputContext) of what is on screen now: read from the store and the data's
// as-of day, for the deck's footers (a hook) and for exports made on a click (read at that moment).

import { useMemo } from "react";
import { type CsvCell, toCsv } from "../model/csv";
import { currencyInWords } from "../model/currency";
import { type OutputContextInput, outputContextFields, withAboutColumns } from "../model/outputContext";
import { previousPeriod } from "../model/period";
import { asOfNow, useAsOf } from "../queries/useAsOf";
import { type AppState, useAppStore } from "../store";

type ViewPart = Pick<
  AppState,
  "dataset" | "filters" | "count" | "compare" | "windowDays" | "statedCurrency" | "currencyChoice"
>;

/** The context from the store's view and the as-of day (null: unknown). */
export function contextFrom(state: ViewPart, asOf: string | null): OutputContextInput {
  return {
    dataLabel: state.dataset?.label ?? null,
    filters: state.filters,
    count: state.count,
    compare: state.compare,
    previous: state.compare ? previousPeriod(state.filters, asOf) : null,
    windowDays: state.windowDays,
    amountsIn: currencyInWords(state.statedCurrency, state.currencyChoice),
    asOf,
  };
}

/** The context as of now, for an export: asks for the as-of day (cached after the first screen). */
export async function currentOutputContext(): Promise<OutputContextInput> {
  const state = useAppStore.getState();
  let asOf: string | null = null;
  try {
    asOf = await asOfNow({
      filters: state.filters,
      windowDays: state.windowDays,
      stalledDays: state.stalledDays,
      count: state.count,
    });
  } catch {
    // An export still carries everything else: the as-of day reads "unknown".
  }
  return contextFrom(useAppStore.getState(), asOf);
}

/**
 * A table of the view as CSV (header row first), each row led by the about_… columns of the view as it
 * is at the click: every table download (funnel, campaigns, table buttons) writes it this way.
 */
export async function csvWithContext(rows: readonly (readonly CsvCell[])[]): Promise<string> {
  return toCsv(withAboutColumns(rows, outputContextFields(await currentOutputContext())));
}

/** The context of the view on screen; null while the as-of day is still being read. */
export function useOutputContext(): OutputContextInput | null {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const count = useAppStore((s) => s.count);
  const compare = useAppStore((s) => s.compare);
  const windowDays = useAppStore((s) => s.windowDays);
  const statedCurrency = useAppStore((s) => s.statedCurrency);
  const currencyChoice = useAppStore((s) => s.currencyChoice);
  const asOf = useAsOf();
  return useMemo(
    () =>
      asOf === undefined
        ? null
        : contextFrom({ dataset, filters, count, compare, windowDays, statedCurrency, currencyChoice }, asOf),
    [dataset, filters, count, compare, windowDays, statedCurrency, currencyChoice, asOf],
  );
}
