// Cancelling an import: the one error it raises, and the check each phase makes before it goes on.

export class ImportCancelled extends Error {
  constructor() {
    super("The import was cancelled; the previous data is still loaded.");
    this.name = "ImportCancelled";
  }
}

/** Throws ImportCancelled once the user has cancelled; called between every step that changes tables. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled();
}
