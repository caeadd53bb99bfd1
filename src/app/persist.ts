// Keeps the loaded workspace in this browser's IndexedDB so it survives a reload or a restart; never sent anywhere.

import type { SqlEngine } from "../db/engine";
import { userMessage } from "../db/errors";
import type { DeriveSettings } from "../warehouse/derive";
import { baseIdentity } from "./dataIdentity";
import { ownBytes } from "./joinBytes";
import { withWorkspaceLock } from "./tabSync";
import {
  restoreEvents,
  SIDE_TABLES,
  type SideSnapshots,
  type SideTable,
  SnapshotBudget,
  SnapshotTooLarge,
  snapshotEvents,
  snapshotSideTables,
} from "./workspaceSnapshot";

const DATABASE = "funnel-lens";
const DATABASE_VERSION = 1;
const STORE = "workspace";
const KEY = "current";
const ANSWERS_KEY = "last-answers";
/** The saved workspace's identity alone, so checking it does not read the whole workspace. */
const IDENTITY_KEY = "current-identity";
const FORMAT_VERSION = 1;
/** Opening is the one IndexedDB step that can wait forever (another tab blocking an upgrade). */
const OPEN_TIMEOUT_MS = 10_000;

/** The record under "current". Bump FORMAT_VERSION when its meaning changes; older records are ignored. */
export interface SavedWorkspace {
  formatVersion: typeof FORMAT_VERSION;
  /** ISO 8601, when it was saved. */
  savedAt: string;
  /** What the header shows, e.g. the imported file's name. */
  label: string;
  /** The events table as CSV, written by snapshotEvents. */
  events: Uint8Array;
  /** Campaign spend and the last import's rejected rows, as CSV (absent in older records). */
  sides?: SideSnapshots;
  /** Names the data across reloads (absent in older records: they get a new one when reopened). */
  identity?: string;
}

/**
 * The answers the screens last showed for the saved workspace, kept beside it (a small record, read
 * before the workspace itself) so a returning visit draws them at once, marked, while the data reopens.
 */
export interface LastAnswers {
  formatVersion: typeof FORMAT_VERSION;
  /** The identity of the data they are about: they are shown only for the same data. */
  identity: string;
  label: string;
  entries: [string, unknown][];
}

/** Saving, reading, reopening or clearing the browser's copy failed; the message is written for users. */
export class SavedWorkspaceError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "SavedWorkspaceError";
  }
}

/** The workspace is fine and loaded, only too large for one IndexedDB record: a note, not an error. */
export class WorkspaceTooLargeToKeep extends SavedWorkspaceError {
  constructor(label: string, bytes: number, measure: "about" | "at least" = "about") {
    const mb = measure === "about" ? Math.round(bytes / 1_000_000) : Math.floor(bytes / 1_000_000);
    super(
      `${label} is loaded, but at ${measure} ${mb} MB it is too large to keep in this browser ` +
        `(about ${MAX_KEPT_BYTES / 1_000_000} MB at most): after a reload, import it again.`,
    );
    this.name = "WorkspaceTooLargeToKeep";
  }
}

/** Chromium refuses IndexedDB values above ~133 MB; stay clearly below. */
export const MAX_KEPT_BYTES = 120_000_000;
/** Measured on the generated 1M-event log: 198 MB of snapshot CSV for 1,000,551 events. */
const BYTES_PER_EVENT_ESTIMATE = 198;

function storageError(action: string, error: unknown): SavedWorkspaceError {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "QuotaExceededError") {
    return new SavedWorkspaceError(
      `${action}: the browser has no storage left for this site (free disk space or clear site data).`,
      error,
    );
  }
  if (name === "SecurityError" || name === "InvalidStateError") {
    return new SavedWorkspaceError(
      `${action}: this browser does not let the page store data (a private window, or site data is blocked).`,
      error,
    );
  }
  const detail = error instanceof Error && error.message ? error.message : "the browser gave no reason";
  return new SavedWorkspaceError(`${action}: ${detail}`, error);
}

function openDatabase(action: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    let settled = false;
    const fail = (error: SavedWorkspaceError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new SavedWorkspaceError(`${action}: the browser's storage did not answer.`)),
      OPEN_TIMEOUT_MS,
    );
    if (typeof indexedDB === "undefined") {
      fail(new SavedWorkspaceError(`${action}: this browser offers no IndexedDB storage here.`));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DATABASE, DATABASE_VERSION);
    } catch (error) {
      fail(storageError(action, error));
      return;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        // Answered after we gave up: nobody will use this connection.
        db.close();
        return;
      }
      settled = true;
      clearTimeout(timer);
      // Close when a newer version of the app wants to upgrade, instead of blocking it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => fail(storageError(action, request.error));
    request.onblocked = () =>
      fail(new SavedWorkspaceError(`${action}: another Funnel Lens tab is holding the storage; close it.`));
  });
}

/** One request in its own transaction; resolves when the transaction has committed, not before. */
async function inStore<T>(
  mode: IDBTransactionMode,
  action: string,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDatabase(action);
  try {
    return await new Promise<T>((resolve, reject) => {
      let request: IDBRequest<T>;
      let transaction: IDBTransaction;
      try {
        // "strict": a saved workspace is on disk, not only in the OS cache, once this resolves.
        transaction = db.transaction(STORE, mode, { durability: "strict" });
        request = work(transaction.objectStore(STORE));
      } catch (error) {
        // E.g. DataCloneError, or a store the browser has already closed.
        reject(storageError(action, error));
        return;
      }
      transaction.oncomplete = () => resolve(request.result);
      // A failed request aborts its transaction; quota errors arrive here, at commit time.
      transaction.onabort = () => reject(storageError(action, transaction.error ?? request.error));
    });
  } finally {
    db.close();
  }
}

/** Saves, loads and clears run one at a time, in call order, so an older save never lands last. */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // In this tab in call order, and across tabs one at a time (another tab may be saving too).
  const locked = () => withWorkspaceLock(work);
  const turn = queue.then(locked, locked);
  queue = turn.catch(() => undefined);
  return turn;
}

function parseSaved(value: unknown): SavedWorkspace | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.formatVersion !== FORMAT_VERSION) return null;
  const { savedAt, label, events, sides, identity } = record;
  if (typeof savedAt !== "string" || typeof label !== "string" || !(events instanceof Uint8Array))
    return null;
  const keptSides: SideSnapshots = {};
  if (typeof sides === "object" && sides !== null) {
    for (const table of Object.keys(SIDE_TABLES) as SideTable[]) {
      const bytes = (sides as Record<string, unknown>)[table];
      if (bytes instanceof Uint8Array) keptSides[table] = bytes;
    }
  }
  return {
    formatVersion: FORMAT_VERSION,
    savedAt,
    label,
    events,
    sides: keptSides,
    ...(typeof identity === "string" ? { identity } : {}),
  };
}

/** Saves the loaded events under `label` and the data's base `identity`, replacing what was saved. */
export function saveWorkspace(engine: SqlEngine, label: string, identity: string): Promise<void> {
  const action = `${label} could not be kept in this browser`;
  return inTurn(async () => {
    // The answers kept for the data saved before are about other data from here on.
    for (const key of [ANSWERS_KEY, IDENTITY_KEY])
      await inStore("readwrite", action, (store) => store.delete(key));
    let events: Uint8Array;
    const sides: SideSnapshots = {};
    // Writing a snapshot keeps the worker busy for seconds at a million rows; estimate first
    // (~200 bytes per event as CSV) and do not start one that cannot be stored anyway.
    const [count] = await engine.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM events");
    const estimate = (count?.n ?? 0) * BYTES_PER_EVENT_ESTIMATE;
    if (estimate > MAX_KEPT_BYTES) {
      await inStore("readwrite", action, (store) => store.delete(KEY));
      throw new WorkspaceTooLargeToKeep(label, estimate);
    }
    const budget = new SnapshotBudget(MAX_KEPT_BYTES);
    try {
      // IndexedDB stores a view's whole buffer: ownBytes keeps only the view's bytes.
      events = ownBytes(await snapshotEvents(engine, budget));
      for (const [table, bytes] of Object.entries(await snapshotSideTables(engine, budget)))
        sides[table as SideTable] = ownBytes(bytes);
    } catch (error) {
      if (error instanceof SnapshotTooLarge) {
        // Forget the older copy too: reopening it later would show data the user has replaced.
        await inStore("readwrite", action, (store) => store.delete(KEY));
        throw new WorkspaceTooLargeToKeep(label, error.written, "at least");
      }
      throw new SavedWorkspaceError(`${action}: ${userMessage(error)}`, error);
    }
    const saved: SavedWorkspace = {
      formatVersion: FORMAT_VERSION,
      savedAt: new Date().toISOString(),
      label,
      events,
      sides,
      identity,
    };
    await inStore("readwrite", action, (store) => store.put(saved, KEY));
    await inStore("readwrite", action, (store) => store.put(identity, IDENTITY_KEY));
  });
}

/**
 * Loads the saved workspace into the engine (replacing what is loaded). Null when nothing is saved or
 * it was saved in another format; rejects when it is there but cannot be read or reopened.
 */
export function loadSavedWorkspace(
  engine: SqlEngine,
  settings: DeriveSettings,
): Promise<{ label: string; leads: number; identity: string | null } | null> {
  return inTurn(async () => {
    const value = await inStore<unknown>("readonly", "The saved workspace could not be read", (store) =>
      store.get(KEY),
    );
    const saved = parseSaved(value);
    if (!saved) return null;
    try {
      const { leads } = await restoreEvents(engine, saved.events, settings, saved.sides);
      return { label: saved.label, leads, identity: saved.identity ?? null };
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      throw new SavedWorkspaceError(
        `The workspace saved in this browser (${saved.label}) could not be reopened: ${reason}`,
        error,
      );
    }
  });
}

/** Forgets the saved workspace; what is loaded now stays loaded. */
export function clearSavedWorkspace(): Promise<void> {
  return inTurn(async () => {
    await inStore("readwrite", "The saved workspace could not be cleared", (store) => store.delete(KEY));
    for (const key of [ANSWERS_KEY, IDENTITY_KEY])
      await inStore("readwrite", "The saved workspace could not be cleared", (store) => store.delete(key));
  });
}

/** Whether a workspace is saved (without reading it: the record can be hundreds of MB). */
export function hasSavedWorkspace(): Promise<boolean> {
  return inTurn(async () => {
    const count = await inStore<number>("readonly", "The saved workspace could not be read", (store) =>
      store.count(KEY),
    );
    return count > 0;
  });
}

/**
 * Keeps the answers last shown for the loaded data `identity` (derived: see dataIdentity.ts); ignored
 * unless that data is the saved workspace now.
 */
export function saveLastAnswers(
  identity: string,
  label: string,
  entries: [string, unknown][],
): Promise<void> {
  return inTurn(async () => {
    const action = "The screens' last answers could not be kept";
    const current = await inStore<unknown>("readonly", action, (store) => store.get(IDENTITY_KEY));
    if (current !== baseIdentity(identity)) return;
    const record: LastAnswers = { formatVersion: FORMAT_VERSION, identity, label, entries };
    await inStore("readwrite", action, (store) => store.put(record, ANSWERS_KEY));
  });
}

/** The answers kept for the saved workspace, or null (none, another format, unreadable). */
export function loadLastAnswers(): Promise<LastAnswers | null> {
  return inTurn(async () => {
    const value = await inStore<unknown>("readonly", "The last answers could not be read", (store) =>
      store.get(ANSWERS_KEY),
    );
    if (typeof value !== "object" || value === null) return null;
    const current = await inStore<unknown>("readonly", "The last answers could not be read", (store) =>
      store.get(IDENTITY_KEY),
    );
    const record = value as Partial<LastAnswers>;
    if (typeof record.identity !== "string" || baseIdentity(record.identity) !== current) return null;
    if (
      record.formatVersion !== FORMAT_VERSION ||
      typeof record.identity !== "string" ||
      typeof record.label !== "string" ||
      !Array.isArray(record.entries)
    )
      return null;
    return record as LastAnswers;
  });
}
