// The import flow: read the chosen files, show the mapping step unless every file's shape was
// confirmed before, apply, and record the outcome; Cancel at any point keeps the previous data.

import type { SqlEngine } from "../db/engine";
import { userMessage } from "../db/errors";
import { type DealStageHistory, recogniseDealStageHistory } from "../import/dealStageImport";
import type { FileKind } from "../import/fields";
import {
  applyImport,
  ImportCancelled,
  ImportError,
  type PreparedFile,
  planFor,
  prepareFiles,
  proposeMapping,
} from "../import/load";
import { dropRawFile } from "../import/read";
import type { FilePlan } from "../import/toEvents";
import { queryAudit } from "../metrics/audit";
import { queryAmountMarks } from "../metrics/currency";
import { SAMPLE_CURRENCY, type StatedCurrency, statedCurrency } from "../model/currency";
import type { DealStagePlan } from "../model/pipeline";
import { appCoordinator } from "../queries/appCoordinator";
import { stableJson } from "../queries/coordinator";
import { appEngine } from "../queries/engine";
import { newDataIdentity, useAppStore } from "../store";
import { DEFAULT_DERIVE_SETTINGS } from "../warehouse/derive";
import { rederive } from "../warehouse/workspace";
import { baseIdentity, derivedIdentity } from "./dataIdentity";
import { whenDataLoaded } from "./dataLoaded";
import {
  clearSavedWorkspace,
  hasSavedWorkspace,
  loadLastAnswers,
  loadSavedWorkspace,
  SavedWorkspaceError,
  saveWorkspace,
  WorkspaceTooLargeToKeep,
} from "./persist";
import { forgetMappings, recallMapping, rememberMapping } from "./rememberedMappings";
import { SAMPLE_ANSWERS, SAMPLE_IDENTITY } from "./sampleAnswers";
import { prefetchSample } from "./sampleFile";
import { announceWorkspace } from "./tabSync";
import { restoreEvents } from "./workspaceSnapshot";

export const SAMPLE_LABEL = "Sample data (3,000 leads)";

/**
 * The running import's cancel switch; null while no cancellable import runs (the sample and a saved
 * workspace reopen without one). One import at a time: a second drop while one runs is ignored.
 */
let controller: AbortController | null = null;
let lastFiles: File[] = [];
/** The deal stage history recognised for the mapping step, and the plans' shape it was read with. */
let recognised: { shape: string; history: DealStageHistory } | null = null;

/** The stalled setting the live lead_stages was derived with (lead status is decided there, once). */
let derivedStalledDays: number | null = null;
/** The loaded data's own identity (saved with the workspace); the dataset's adds the stalled setting. */
let loadedBase = "";

/** The dataset identity of `base` data as derived now. */
const identityOf = (base: string) => {
  loadedBase = base;
  return derivedIdentity(base, derivedStalledDays ?? DEFAULT_DERIVE_SETTINGS.stalledDays);
};

const settings = () => {
  const chosen = { ...DEFAULT_DERIVE_SETTINGS, stalledDays: useAppStore.getState().stalledDays };
  derivedStalledDays = chosen.stalledDays;
  return chosen;
};

/**
 * Whether a lead is in progress or stalled is decided when lead_stages is built; a changed stalled
 * setting (from a link or a control) re-derives the loaded data and bumps its version so every screen
 * re-asks. While an import runs, it derives with the setting current when it applies.
 */
async function rederiveForStalledSetting(): Promise<void> {
  const state = useAppStore.getState();
  if (!state.dataset || state.importStatus.state === "importing") return;
  if (derivedStalledDays === null || derivedStalledDays === state.stalledDays) return;
  try {
    const engine = await appEngine();
    await rederive(engine, settings());
    useAppStore.getState().setDataset(state.dataset.label, true, identityOf(loadedBase));
  } catch (error) {
    useAppStore.getState().setImportStatus({
      state: "failed",
      message: `Could not apply the stalled setting: ${userMessage(error)}`,
    });
  }
}

useAppStore.subscribe((state, previous) => {
  if (state.stalledDays !== previous.stalledDays) void rederiveForStalledSetting();
});

/** `run`: the import's own switch: an error after Cancel (e.g. the interrupted query's) is the cancel. */
function fail(error: unknown, fallbackName: string, run?: AbortController): void {
  dropUnconfirmed();
  const message =
    error instanceof ImportError || error instanceof ImportCancelled
      ? error.message
      : run?.signal.aborted
        ? new ImportCancelled().message
        : `${fallbackName}: ${userMessage(error)}`;
  useAppStore.getState().setImportStatus({ state: "failed", message });
}

/** After Cancel, the steps still running do not overwrite "Cancelling…". */
function progress(fileNames: string[], bytes: number, run?: AbortController) {
  return (p: { step: string; done: number; total: number }) => {
    if (run?.signal.aborted) return;
    useAppStore.getState().setImportStatus({ state: "importing", fileNames, bytes, ...p });
  };
}

/** `started`: when the files were chosen if nothing waited for the user, else when Apply was pressed. */
async function apply(
  files: readonly PreparedFile[],
  plans: readonly FilePlan[],
  started = performance.now(),
  run = new AbortController(),
  dealStagePlan: DealStagePlan | null = null,
  dealStageHistory?: DealStageHistory,
): Promise<void> {
  const store = useAppStore.getState();
  const fileNames = files.map((f) => f.name);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  // The same switch from the first read to the swap: a Cancel while reading stops this apply too.
  controller = run;
  try {
    const engine = await appEngine();
    const summary = await applyImport(engine, files, plans, settings(), {
      signal: run.signal,
      onProgress: progress(fileNames, bytes, run),
      ...(dealStagePlan ? { dealStagePlan } : {}),
      ...(dealStageHistory ? { dealStageHistory } : {}),
    });
    // Committed (applyImport honours a cancel up to its COMMIT): from here this is the workspace.
    if (controller === run) controller = null;
    performance.measure("import", { start: started, end: performance.now() });
    store.setImportStatus({ state: "done", summary });
    store.setStatedCurrency(await importedCurrency(engine, plans));
    store.setDataset(summary.fileName, false, identityOf(newDataIdentity()));
    await rederiveForStalledSetting();
    await afterLoad();
    await keep(summary.fileName);
  } catch (error) {
    fail(error, fileNames.join(", "), run);
  } finally {
    if (controller === run) controller = null;
  }
}

/**
 * Resolves once the screen has rendered the new dataset (its first queries are then queued in the
 * worker ahead of ours), or after a second when frames are not running (a background tab).
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** What the imported amounts say about their currency: the amount columns' names, then the values. */
async function importedCurrency(engine: SqlEngine, plans: readonly FilePlan[]): Promise<StatedCurrency> {
  const named = (field: string) =>
    plans.map((p) => p.mapping[field]).filter((h): h is string => typeof h === "string");
  const headers = named("amount");
  try {
    return statedCurrency(headers, await queryAmountMarks(engine), named("currency"));
  } catch {
    return statedCurrency(headers, []);
  }
}

/**
 * Work after any successful load: the data-quality audit (the wall clock is only used for "future
 * dates"). The audit scans every event, so it runs through the coordinator at background priority, and
 * after the next paint, when the screen's questions are already asked.
 */
async function afterLoad(): Promise<void> {
  await afterNextPaint();
  try {
    useAppStore.getState().setAudit(await appCoordinator.upkeep((queue) => queryAudit(queue, new Date())));
  } catch {
    useAppStore.getState().setAudit(null);
  }
}

/** Keeps what was imported in this browser (IndexedDB) so a reload or restart reopens it. */
async function keep(label: string): Promise<void> {
  try {
    useAppStore.getState().setKept(false);
    useAppStore.getState().setStorageNote(null);
    // Through the coordinator: the snapshot's COPY statements hold the worker for seconds on a large
    // import, and a filter change must not wait for them (measured: 2.3 s for the Pipeline's first).
    await appCoordinator.upkeep((queue) => saveWorkspace(queue, label, loadedBase));
    useAppStore.getState().setStorageProblem(null);
    useAppStore.getState().setKept(true);
    announceWorkspace("saved", label);
  } catch (error) {
    if (error instanceof WorkspaceTooLargeToKeep) {
      useAppStore.getState().setStorageNote(error.message);
      return;
    }
    useAppStore
      .getState()
      .setStorageProblem(error instanceof SavedWorkspaceError ? error.message : userMessage(error));
  }
}

/**
 * Reopens the kept workspace. The stalled threshold is the one setting the data is derived with, and it
 * is saved: if reopening fails under a changed one, it goes back to the default (with a notice) and the
 * workspace is reopened once more, so a setting never leaves the app with no data on every visit.
 */
async function reopenSaved(engine: SqlEngine): Promise<{ label: string; identity: string | null } | null> {
  try {
    return await loadSavedWorkspace(engine, settings());
  } catch (error) {
    const { stalledDays } = useAppStore.getState();
    const standard = DEFAULT_DERIVE_SETTINGS.stalledDays;
    if (stalledDays === standard) throw error;
    useAppStore
      .getState()
      .resetStalledDays(
        `The saved workspace could not be reopened with the stalled threshold at ${stalledDays} days; ` +
          `it is back to ${standard} days.`,
      );
    return await loadSavedWorkspace(engine, settings());
  }
}

/**
 * While the data reopens, the screens draw the answers kept from the last visit (for the bundled
 * sample: computed at build time), marked "From your last visit · updating…". The dataset is named at
 * once but marked restoring, so nothing is asked of the engine until the data is in; answers about
 * other data, or derived with another stalled setting, are never offered.
 */
async function showLastVisit(): Promise<void> {
  const [answers, saved] = await Promise.all([
    loadLastAnswers().catch(() => null),
    // Not knowing whether a workspace is saved: do not offer the sample's answers either.
    hasSavedWorkspace().catch(() => true),
  ]);
  const store = useAppStore.getState();
  if (store.dataset) return;
  const kept = saved ? answers : { label: SAMPLE_LABEL, ...SAMPLE_ANSWERS };
  if (!kept || kept.identity !== derivedIdentity(baseIdentity(kept.identity), store.stalledDays)) return;
  store.setDataset(kept.label, true, kept.identity, true);
  appCoordinator.prime(kept.identity, kept.entries);
}

/** Answers from a last visit that will not be confirmed (the reopening failed) leave the screen. */
function dropUnconfirmed(): void {
  if (useAppStore.getState().dataset?.restoring) useAppStore.setState({ dataset: null });
}

/** On start: the workspace kept in this browser, or else the bundled sample. */
export async function openWorkspace(): Promise<void> {
  const store = useAppStore.getState();
  // Busy while reopening, so an import cannot race the restore for the staging tables.
  progress(["saved workspace"], 0)({ step: "Opening the saved workspace", done: 0, total: 1 });
  let engine: SqlEngine;
  try {
    const starting = appEngine();
    await showLastVisit();
    engine = await starting;
  } catch (error) {
    fail(error, "The query engine");
    return;
  }
  try {
    const saved = await reopenSaved(engine);
    if (saved) {
      store.setImportStatus({ state: "idle" });
      // Reopening: a link's filters stay. A workspace saved before identities were kept gets a new one.
      store.setDataset(saved.label, true, identityOf(saved.identity ?? newDataIdentity()));
      store.setKept(true);
      await rederiveForStalledSetting();
      await afterLoad();
      return;
    }
  } catch (error) {
    store.setStorageProblem(error instanceof SavedWorkspaceError ? error.message : userMessage(error));
  }
  if (useAppStore.getState().dataset?.identity !== derivedIdentity(SAMPLE_IDENTITY, store.stalledDays))
    dropUnconfirmed();
  await loadSample(true);
}

/** "Clear workspace": forgets the kept data, mappings and settings, and goes back to the sample. */
export async function clearWorkspace(): Promise<void> {
  const store = useAppStore.getState();
  try {
    await clearSavedWorkspace();
    store.setStorageProblem(null);
  } catch (error) {
    // Not cleared: loading the sample now would only hide that the old data comes back on reload.
    store.setStorageProblem(error instanceof SavedWorkspaceError ? error.message : userMessage(error));
    return;
  }
  forgetMappings();
  store.resetSettings();
  store.setKept(false);
  announceWorkspace("cleared", null);
  lastFiles = [];
  await loadSample();
}

/** Reads the files; imports at once when every file's shape has a remembered mapping. */
export async function importFiles(
  files: readonly File[],
  options: { editMapping?: boolean } = {},
): Promise<void> {
  if (files.length === 0 || controller !== null) return;
  // A file dropped while the last visit's data reopens waits for it: both use the staging tables.
  await whenDataLoaded();
  if (controller !== null) return;
  lastFiles = [...files];
  const fileNames = files.map((f) => f.name);
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const run = new AbortController();
  controller = run;
  const onProgress = progress(fileNames, bytes, run);
  onProgress({ step: "Reading", done: 0, total: files.length });
  try {
    const engine = await appEngine();
    const readStarted = performance.now();
    const prepared = await prepareFiles(
      engine,
      files.map((f) => ({ name: f.name, data: f })),
      { signal: run.signal, onProgress },
    );
    if (run.signal.aborted) {
      for (const file of prepared) await dropRawFile(engine, file);
      throw new ImportCancelled();
    }
    const recalled = prepared.map(recallMapping);
    if (!options.editMapping && recalled.every((plan) => plan !== null)) {
      await apply(prepared, recalled as FilePlan[], readStarted, run);
      return;
    }
    // The deal stages the files' history holds, for the mapping step to show and arrange.
    const plans = prepared.map((file, i) => recalled[i] ?? planFor(file));
    // Not knowing them costs only the editing: the import recognises them again and says what failed.
    const history = await recogniseDealStageHistory(
      engine,
      prepared.map((file, i) => ({ ...file, ...(plans[i] ?? {}) })),
    ).catch(() => null);
    recognised = history && { shape: planShapes(plans), history };
    controller = null; // waiting for the user: the mapping step's Cancel drops the read files
    useAppStore.getState().setImportStatus({
      state: "mapping",
      files: prepared,
      plans,
      dealStagePlan: history?.plan ?? null,
    });
  } catch (error) {
    fail(error, fileNames.join(", "), run);
  } finally {
    if (controller === run) controller = null;
  }
}

/** "Apply mapping": remembers each file's mapping by its shape, then imports. Ignored files are dropped. */
export async function applyMapping(
  files: readonly PreparedFile[],
  plans: readonly (FilePlan | null)[],
  dealStagePlan: DealStagePlan | null = null,
): Promise<void> {
  const kept: FilePlan[] = [];
  plans.forEach((plan, i) => {
    const file = files[i];
    if (plan && file) {
      rememberMapping(file.headers, plan);
      kept.push(plan);
    }
  });
  // The history the mapping step recognised holds for the same files read the same way: not read again.
  const history = recognised?.shape === planShapes(kept) ? recognised.history : undefined;
  recognised = null;
  await apply(files, kept, undefined, undefined, dealStagePlan, history);
}

/** What deal stage recognition depends on in the plans: which files, read as what, with which columns. */
function planShapes(plans: readonly FilePlan[]): string {
  return stableJson(plans.map((p) => [p.table, p.kind, p.mapping, p.dateFormats]));
}

/** The mapping step asks for a fresh proposal when the user says a file is of another kind. */
export async function proposeForKind(file: PreparedFile, kind: FileKind): Promise<FilePlan> {
  const engine = await appEngine();
  const proposal = await proposeMapping(engine, file, kind);
  return planFor({ ...file, ...proposal });
}

/** True while an import runs that Cancel can stop (not the sample or a saved workspace reopening). */
export function canCancelImport(): boolean {
  return controller !== null;
}

/**
 * Cancel: in the mapping step, drops the read files at once. While an import runs, it flips the
 * import's switch and interrupts the running query where the engine can; the import itself then stops
 * at its next step, before anything is swapped in or saved, and reports "cancelled" (a cancel that
 * arrives after the swap committed is too late: the import then finishes and says so).
 */
export async function cancelImport(): Promise<void> {
  const store = useAppStore.getState();
  const status = store.importStatus;
  if (status.state === "mapping") {
    const engine = await appEngine();
    for (const file of status.files) await dropRawFile(engine, file);
    store.setImportStatus({ state: "failed", message: new ImportCancelled().message });
    return;
  }
  const run = controller;
  if (!run || run.signal.aborted) return;
  run.abort();
  if (status.state === "importing") store.setImportStatus({ ...status, step: "Cancelling" });
  await (await appEngine()).cancel();
}

/** Re-reads the last imported files and opens the mapping step with what was remembered. */
export async function editLastMapping(): Promise<void> {
  await importFiles(lastFiles, { editMapping: true });
}

export function canEditMapping(): boolean {
  return lastFiles.length > 0;
}

/** `keepView` keeps the filters (on opening the app, where they may come from a link). */
export async function loadSample(keepView = false): Promise<void> {
  const store = useAppStore.getState();
  const onProgress = progress(["sample.csv"], 0);
  onProgress({ step: "Loading the sample", done: 0, total: 1 });
  try {
    const bytes = await prefetchSample();
    const engine = await appEngine();
    const started = performance.now();
    await restoreEvents(engine, bytes, settings());
    performance.measure("sample-restore", { start: started, end: performance.now() });
    store.setImportStatus({ state: "idle" });
    store.setStatedCurrency(SAMPLE_CURRENCY);
    store.setDataset(SAMPLE_LABEL, keepView, identityOf(SAMPLE_IDENTITY));
    await rederiveForStalledSetting();
    await afterLoad();
  } catch (error) {
    fail(error, "sample.csv");
  }
}
