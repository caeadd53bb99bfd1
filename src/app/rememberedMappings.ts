// Mappings the user confirmed, remembered per file shape (its header signature) in this browser.

import { normaliseHeader } from "../import/detect";
import type { PreparedFile } from "../import/load";
import type { FilePlan } from "../import/toEvents";

const KEY = "funnel-lens:mappings";

type Remembered = Pick<FilePlan, "kind" | "mapping" | "dateFormats" | "activityMap">;

/** The same columns in any order give the same shape. */
export function headerSignature(headers: readonly string[]): string {
  return [...headers].map(normaliseHeader).sort().join("|");
}

function readAll(): Record<string, Remembered> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, Remembered>) : {};
  } catch {
    return {};
  }
}

export function rememberMapping(headers: readonly string[], plan: FilePlan): void {
  const all = readAll();
  all[headerSignature(headers)] = {
    kind: plan.kind,
    mapping: plan.mapping,
    dateFormats: plan.dateFormats,
    activityMap: plan.activityMap,
  };
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the mapping step simply shows again next time.
  }
}

/** The remembered plan for this file, if its shape was confirmed before and every header still exists. */
export function recallMapping(file: PreparedFile): FilePlan | null {
  const remembered = readAll()[headerSignature(file.headers)];
  if (!remembered) return null;
  if (!Object.values(remembered.mapping).every((header) => file.headers.includes(header))) return null;
  return { fileName: file.name, table: file.table, ...remembered };
}

export function forgetMappings(): void {
  localStorage.removeItem(KEY);
}
