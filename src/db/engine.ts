// The one narrow door to the database: every query in the app goes through a SqlEngine.

/** A value bound to a `?` placeholder. Timestamps are passed as ISO strings and cast in SQL. */
export type SqlValue = string | number | boolean | null;

export interface QueryOptions {
  /**
   * Run so that `cancel()` can stop it part-way (the coordinator's analysis queries, which a newer
   * filter makes stale). Its values are still bound, through a session variable (db/variables.ts).
   */
  interruptible?: boolean;
}

export interface SqlEngine {
  /** Runs one statement with bound parameters and returns plain row objects. */
  query<Row extends object>(
    sql: string,
    params?: readonly SqlValue[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Runs one statement that returns nothing of interest (DDL, INSERT …). */
  exec(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Makes a file readable by name from SQL (read_csv('name')); a File is read lazily, not copied. */
  registerFile(name: string, source: Blob | Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Reads back a file DuckDB wrote (e.g. by COPY … TO 'name'), for saving or downloading. */
  readFile(name: string): Promise<Uint8Array>;
  /** Interrupts the running query if it was started interruptible; it then fails with QueryCancelled. */
  cancel(): Promise<void>;
}

/** Runs statements in order, stopping at the first that fails. */
export async function execAll(engine: SqlEngine, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await engine.exec(statement);
}
