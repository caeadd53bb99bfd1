// One store of small slices: what the user chose (workspace, settings, view). Numbers come from queries.

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { ImportSummary, PreparedFile } from "../import/load";
import type { FilePlan } from "../import/toEvents";
import { type AidaMapping, type AidaStage, defaultAidaMapping } from "../model/aida";
import { type AlignmentSettings, DEFAULT_ALIGNMENT } from "../model/alignment";
import type { DataAudit } from "../model/audit";
import { type Benchmark, DEFAULT_BENCHMARKS } from "../model/benchmarks";
import { type CountMode, isCountMode } from "../model/counting";
import { type Currency, isCurrency, type StatedCurrency } from "../model/currency";
import type { DefinedStage, StageDefinitions } from "../model/definitions";
import { DEFINED_STAGES, type DefinedStage as Defined } from "../model/definitions";
import { type FunnelFilters, NO_FILTERS } from "../model/filters";
import { formatCount } from "../model/format";
import type { Period } from "../model/period";
import type { DealStagePlan } from "../model/pipeline";
import { DEFAULT_SCORING, type ScoringModel } from "../model/scoring";
import {
  type Checked,
  checkAidaEdits,
  checkAlignment,
  checkBenchmarkEdits,
  checkScoring,
  checkStalledDays,
  checkWindowDays,
} from "../model/settingsCheck";
import { DEFAULT_DERIVE_SETTINGS } from "../warehouse/derive";
import { perKeyStorage } from "./settingsStorage";

export type EngineStatus = { state: "starting" } | { state: "ready" } | { state: "failed"; message: string };

export type ImportStatus =
  | { state: "idle" }
  | { state: "importing"; fileNames: string[]; bytes: number; step: string; done: number; total: number }
  | {
      state: "mapping";
      files: PreparedFile[];
      plans: FilePlan[];
      /** The deal stages found in the files' stage history (null: none), as proposed. */
      dealStagePlan?: DealStagePlan | null;
    }
  | { state: "failed"; message: string }
  | { state: "done"; summary: ImportSummary };

/**
 * What is loaded. A new object on every load (screens follow it); `identity` names the data itself (the
 * same after a reload reopens it), so answers kept from a last visit can be matched to it.
 * `restoring`: the data is still being reopened into the engine; screens may show answers kept from
 * the last visit, and nothing is asked of the engine until it is loaded.
 */
export interface LoadedData {
  label: string;
  identity: string;
  restoring: boolean;
}

let identities = 0;
/** A name for newly loaded data, unique in this browser (it is saved with the workspace). */
export function newDataIdentity(): string {
  identities++;
  return `data-${Date.now().toString(36)}-${identities}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface WorkspaceSlice {
  engine: EngineStatus;
  /** What is loaded: the sample or a user's file (see LoadedData). */
  dataset: LoadedData | null;
  importStatus: ImportStatus;
  /** The data-quality audit of what is loaded. */
  audit: DataAudit | null;
  setAudit: (audit: DataAudit | null) => void;
  /** What happened when keeping the workspace in this browser failed (null when all is well). */
  storageProblem: string | null;
  /** A storage message that is information, not a failure (shown as a note). */
  storageNote: string | null;
  setStorageNote: (message: string | null) => void;
  setStorageProblem: (message: string | null) => void;
  /** True once what is loaded is kept in this browser (a reload or restart reopens it). */
  kept: boolean;
  setKept: (kept: boolean) => void;
  /** Another tab replaced or cleared the saved workspace (its label, or null when cleared); null = no. */
  changedElsewhere: { label: string | null } | null;
  setChangedElsewhere: (changed: { label: string | null } | null) => void;
  setEngine: (engine: EngineStatus) => void;
  /**
   * A new dataset; `keepView` keeps the filters (reopening the same data, e.g. from a link). `identity`
   * names the data across reloads (a new one is made when absent); `restoring`: see LoadedData.
   */
  setDataset: (label: string, keepView?: boolean, identity?: string, restoring?: boolean) => void;
  setImportStatus: (status: ImportStatus) => void;
}

export interface SettingsSlice {
  benchmarks: readonly Benchmark[];
  windowDays: number | null;
  stalledDays: number;
  /** Hand-off SLA targets, SLA goal and size-band routing for the Alignment screen. */
  alignment: AlignmentSettings;
  setAlignment: (alignment: AlignmentSettings) => void;
  setWindowDays: (days: number | null) => void;
  /** The lead-scoring model (weights, target lists, thresholds) for the Campaigns screen. */
  scoring: ScoringModel;
  setScoring: (scoring: ScoringModel) => void;
  /** The team's own wording per stage (only edited stages; the rest use the standard wording). */
  definitions: Partial<StageDefinitions>;
  /** Sets one stage's wording; null drops the edit so the standard wording applies again. */
  setDefinition: (stage: DefinedStage, text: string | null) => void;
  resetDefinitions: () => void;
  /** The user's activity → AIDA stage edits (only edited activities; the rest use the standard mapping). */
  aidaMapping: Partial<AidaMapping>;
  /** Maps one canonical activity to a stage, or to none (null: not an AIDA behaviour). */
  setAidaStage: (activity: string, stage: AidaStage | null) => void;
  /** Drops every AIDA edit so the standard mapping applies again. */
  resetAidaMapping: () => void;
  resetSettings: () => void;
  /**
   * While a link's own settings are on screen: the user's saved settings (what stays saved in this
   * browser) and how the link's differ, in words. Null when the settings shown are the user's own.
   */
  linkSettings: { mine: LinkSettings; differences: string[] } | null;
  /** "Keep them": the link's settings (as now shown, with any edits) become the saved settings. */
  keepLinkSettings: () => void;
  /** "Go back to mine": the saved settings are shown again. */
  restoreMySettings: () => void;
  /** What in the opened link was ignored, one short entry per value; null when nothing was. */
  linkProblems: string[] | null;
  /** A saved setting that could not be used was put back to its default: what and why. */
  settingsNotice: string | null;
  dismissNotice: (notice: "linkProblems" | "settingsNotice") => void;
  /**
   * The stalled threshold the data is derived with made the saved workspace fail to reopen: it goes
   * back to the default (saved too) and `notice` says so.
   */
  resetStalledDays: (notice: string) => void;
}

/** The settings a link carries that are also saved in this browser. */
export type LinkSettings = Pick<
  SettingsSlice,
  "windowDays" | "stalledDays" | "benchmarks" | "alignment" | "scoring" | "aidaMapping"
>;

export const TABS = ["overview", "leaks", "pipeline", "campaigns", "alignment"] as const;
export type Tab = (typeof TABS)[number];

export type Theme = "system" | "light" | "dark";

export interface ViewSlice {
  tab: Tab;
  setTab: (tab: Tab) => void;
  filters: FunnelFilters;
  setFilters: (filters: FunnelFilters) => void;
  /**
   * The way of counting on show: cohort, or what entered each stage in the period (a link's, the
   * user's choice, or In period after a period preset when the user has not chosen).
   */
  count: CountMode;
  /** The way the user chose in the filter bar (remembered in this browser); null until they choose. */
  countChoice: CountMode | null;
  /** The currency the loaded data's amounts state (model/currency.ts); saved with the settings. */
  statedCurrency: StatedCurrency;
  setStatedCurrency: (stated: StatedCurrency) => void;
  /** The currency the user chose for amounts (overrides what the data states); null: as stated. */
  currencyChoice: Currency | null;
  setCurrencyChoice: (currency: Currency | null) => void;
  /** The user's explicit choice: shown now and remembered. */
  setCount: (count: CountMode) => void;
  /** A period preset: its days, and In period unless the user has chosen a way of counting. */
  choosePeriod: (period: Period) => void;
  /** Show the previous period beside the chosen one (deltas on KPIs, ghost series on charts). */
  compare: boolean;
  setCompare: (compare: boolean) => void;
  /** Colour theme; "system" follows the operating system's light/dark preference. */
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

export type AppState = WorkspaceSlice & SettingsSlice & ViewSlice;

type SavedState = Pick<SettingsSlice, keyof LinkSettings | "definitions"> &
  Pick<ViewSlice, "theme" | "countChoice" | "statedCurrency" | "currencyChoice">;

const THEMES: readonly Theme[] = ["system", "light", "dark"];

/**
 * Settings saved by this or an older version, read with the bounds a link is read with: a value out
 * of range (e.g. a stalled threshold of 200,000,000 days saved from a link before links were checked)
 * would stop the workspace from reopening on every visit, so it takes its default and is named.
 */
export function readSavedSettings(saved: unknown): { settings: Partial<SavedState>; reset: string[] } {
  const record = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const settings: Partial<SavedState> = {};
  const reset: string[] = [];
  const take = <K extends keyof SavedState>(
    key: K,
    name: string,
    check: (value: unknown) => Checked<SavedState[K]>,
  ) => {
    const value = record[key];
    if (value === undefined) return;
    const checked = check(value);
    if (checked.ok) settings[key] = checked.value;
    else reset.push(typeof value === "number" ? `${name} (${formatCount(value)})` : name);
  };
  take("windowDays", "conversion window", checkWindowDays);
  take("stalledDays", "stalled days", checkStalledDays);
  take("benchmarks", "benchmark bands", (value) =>
    Array.isArray(value)
      ? checkBenchmarkEdits(
          value
            .map((b) => (typeof b === "object" && b !== null ? b : {}) as Record<string, unknown>)
            .map((b) => ({
              id: b.id,
              low: b.low,
              high: b.high,
            })),
        )
      : { ok: false, problem: "not a list" },
  );
  take("alignment", "SLA targets and routing", checkAlignment);
  take("scoring", "scoring model", checkScoring);
  take("aidaMapping", "AIDA mapping", checkAidaEdits);
  if (typeof record.definitions === "object" && record.definitions !== null) {
    const definitions: Partial<Record<Defined, string>> = {};
    for (const stage of DEFINED_STAGES) {
      const text = (record.definitions as Record<string, unknown>)[stage];
      if (typeof text === "string") definitions[stage] = text;
    }
    settings.definitions = definitions;
  }
  if (THEMES.includes(record.theme as Theme)) settings.theme = record.theme as Theme;
  if (isCountMode(record.countChoice)) settings.countChoice = record.countChoice;
  if (isCurrency(record.currencyChoice)) settings.currencyChoice = record.currencyChoice;
  const stated = record.statedCurrency as StatedCurrency | undefined;
  if (stated?.state === "stated" && isCurrency(stated.currency) && typeof stated.from === "string")
    settings.statedCurrency = { state: "stated", currency: stated.currency, from: stated.from };
  else if (stated?.state === "mixed" && Array.isArray(stated.currencies))
    settings.statedCurrency = { state: "mixed", currencies: stated.currencies.filter(isCurrency) };
  return { settings, reset };
}

/** The settings part of a state or a view. */
export function linkSettingsOf(state: LinkSettings): LinkSettings {
  const { windowDays, stalledDays, benchmarks, alignment, scoring, aidaMapping } = state;
  return { windowDays, stalledDays, benchmarks, alignment, scoring, aidaMapping };
}

/**
 * Settings survive a reload (in this browser's localStorage); the view (tab, filters, comparison) and
 * the settings that change numbers are mirrored in the URL (src/app/useUrlView.ts); data lives in DuckDB.
 */
export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      engine: { state: "starting" },
      dataset: null,
      importStatus: { state: "idle" },
      audit: null,
      setAudit: (audit) => set({ audit }),
      storageProblem: null,
      storageNote: null,
      setStorageNote: (storageNote) => set({ storageNote }),
      setStorageProblem: (storageProblem) => set({ storageProblem }),
      kept: false,
      setKept: (kept) => set({ kept }),
      changedElsewhere: null,
      setChangedElsewhere: (changedElsewhere) => set({ changedElsewhere }),
      setEngine: (engine) => set({ engine }),
      setDataset: (label, keepView = false, identity = newDataIdentity(), restoring = false) =>
        set((state) => ({
          dataset: { label, identity, restoring },
          filters: keepView ? state.filters : NO_FILTERS,
        })),
      setImportStatus: (importStatus) => set({ importStatus }),

      benchmarks: DEFAULT_BENCHMARKS,
      windowDays: null,
      stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays,
      alignment: DEFAULT_ALIGNMENT,
      setAlignment: (alignment) => set({ alignment }),
      setWindowDays: (windowDays) => set({ windowDays }),
      scoring: DEFAULT_SCORING,
      setScoring: (scoring) => set({ scoring }),
      definitions: {},
      setDefinition: (stage, text) =>
        set((state) => {
          const { [stage]: _dropped, ...rest } = state.definitions;
          return { definitions: text === null ? rest : { ...rest, [stage]: text } };
        }),
      resetDefinitions: () => set({ definitions: {} }),
      aidaMapping: {},
      setAidaStage: (activity, stage) =>
        set((state) => {
          const { [activity]: _dropped, ...rest } = state.aidaMapping;
          // An edit back to the standard stage is dropped, so only real edits are kept.
          return {
            aidaMapping: defaultAidaMapping()[activity] === stage ? rest : { ...rest, [activity]: stage },
          };
        }),
      resetAidaMapping: () => set({ aidaMapping: {} }),
      resetSettings: () =>
        set({
          benchmarks: DEFAULT_BENCHMARKS,
          windowDays: null,
          stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays,
          alignment: DEFAULT_ALIGNMENT,
          scoring: DEFAULT_SCORING,
          definitions: {},
          aidaMapping: {},
          linkSettings: null,
        }),
      linkSettings: null,
      keepLinkSettings: () => set({ linkSettings: null }),
      restoreMySettings: () =>
        set((state) => (state.linkSettings ? { ...state.linkSettings.mine, linkSettings: null } : {})),
      linkProblems: null,
      settingsNotice: null,
      dismissNotice: (notice) => set({ [notice]: null }),
      resetStalledDays: (notice) =>
        set((state) => ({
          stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays,
          linkSettings: state.linkSettings && {
            ...state.linkSettings,
            mine: { ...state.linkSettings.mine, stalledDays: DEFAULT_DERIVE_SETTINGS.stalledDays },
          },
          settingsNotice: notice,
        })),

      tab: "overview",
      setTab: (tab) => set({ tab }),
      filters: NO_FILTERS,
      setFilters: (filters) => set({ filters }),
      count: "cohort",
      countChoice: null,
      statedCurrency: { state: "unstated" },
      setStatedCurrency: (statedCurrency) => set({ statedCurrency }),
      currencyChoice: null,
      setCurrencyChoice: (currencyChoice) => set({ currencyChoice }),
      setCount: (count) => set({ count, countChoice: count }),
      choosePeriod: (period) =>
        set((state) => ({
          filters: { ...state.filters, from: period.from, to: period.to },
          // Presets are how CRM reports count "this month": entries in the period, unless the user chose.
          count: state.countChoice ?? (period.from === null && period.to === null ? state.count : "period"),
        })),
      compare: false,
      setCompare: (compare) => set({ compare }),
      theme: "system",
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: "funnel-lens:settings",
      // One entry per setting: a tab writes only what it changed, so two tabs never wipe each other's edits.
      storage: createJSONStorage(() => perKeyStorage(() => localStorage)),
      // While a link's own settings are shown, the user's own stay saved until they choose to keep the link's.
      partialize: (state): SavedState => ({
        ...linkSettingsOf(state.linkSettings?.mine ?? state),
        definitions: state.definitions,
        theme: state.theme,
        countChoice: state.countChoice,
        statedCurrency: state.statedCurrency,
        currencyChoice: state.currencyChoice,
      }),
      merge: (persisted, current) => {
        const { settings, reset } = readSavedSettings(persisted);
        return {
          ...current,
          ...settings,
          count: settings.countChoice ?? current.count,
          settingsNotice:
            reset.length === 0
              ? null
              : `Saved settings that could not be used are back to their defaults: ${reset.join(", ")}.`,
        };
      },
    },
  ),
);
