// Turns engine errors (plain Errors once they cross the worker boundary) into sentences for users.

export class QueryError extends Error {
  readonly sql: string;
  constructor(message: string, sql: string, cause: unknown) {
    super(message, { cause });
    this.name = "QueryError";
    this.sql = sql;
  }
}

/** An interruptible query stopped by `cancel()`: nobody is waiting for its answer any more. */
export class QueryCancelled extends Error {
  constructor() {
    super("The query was cancelled");
    this.name = "QueryCancelled";
  }
}

export function userMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/out of memory|Cannot allocate|memory limit|could not allocate/i.test(text)) {
    return "The browser ran out of memory for this data. Try a smaller file or a shorter date range.";
  }
  if (/Invalid Input Error: CSV|Could not convert|sniff/i.test(text)) {
    return `The file could not be read as a table: ${text.split("\n")[0]}`;
  }
  return text.split("\n")[0] ?? "Unknown error";
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
