// Imports files the user chose (or the bundled sample) and records the outcome in the store.

import sampleUrl from "../../sample-data/sample.csv?url";
import { userMessage } from "../db/errors";
import { ImportError, importActivityLog } from "../import/load";
import { DEFAULT_DERIVE_SETTINGS } from "../metrics/derive";
import { useAppStore } from "../store";
import { appEngine } from "./engine";

export const SAMPLE_LABEL = "Sample data (3,000 leads)";

async function importOne(name: string, data: Blob | Uint8Array, label: string): Promise<void> {
  const store = useAppStore.getState();
  store.setImportStatus({ state: "importing", fileName: name });
  const started = performance.now();
  try {
    const engine = await appEngine();
    const summary = await importActivityLog(
      engine,
      { name, data },
      {
        ...DEFAULT_DERIVE_SETTINGS,
        stalledDays: store.stalledDays,
      },
    );
    performance.measure("import", { start: started, end: performance.now() });
    store.setImportStatus({ state: "done", summary });
    store.setDataset(label);
  } catch (error) {
    const message = error instanceof ImportError ? error.message : `${name}: ${userMessage(error)}`;
    store.setImportStatus({ state: "failed", message });
  }
}

/** The first file is imported as an activity log (several files at once come with the mapping step). */
export async function importFiles(files: readonly File[]): Promise<void> {
  const [file] = files;
  if (file) await importOne(file.name, file, file.name);
}

export async function loadSample(): Promise<void> {
  const response = await fetch(sampleUrl);
  const bytes = new Uint8Array(await response.arrayBuffer());
  await importOne("sample.csv", bytes, SAMPLE_LABEL);
}
