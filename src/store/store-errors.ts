/**
 * Store faults as one error class: a dropped or refused PostgreSQL connection, a server shutting down, or a
 * SQLite file locked past the busy timeout becomes StoreUnavailableError, which the shells show as a clear
 * message (the web server as a 503) instead of a stack.
 */

/** The store could not be reached or was busy; `reason` is safe to show (never holds DATABASE_URL). */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: string,
    readonly kind: "postgres" | "sqlite",
  ) {
    super(`the ${kind === "postgres" ? "PostgreSQL" : "SQLite"} store is unavailable: ${reason}`);
    this.name = "StoreUnavailableError";
  }
}

// node socket errors and libpq-style messages of a lost connection
const NET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ENOENT"]);
const LOST =
  /Connection terminated|connection.*(closed|ended|lost)|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Query read timeout/i;

/** Whether a PostgreSQL error means the connection (not the query) failed: SQLSTATE class 08, 57P01-57P03 or a socket error. */
export function isPostgresConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (NET_CODES.has(code) || code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") return true;
  return typeof e?.message === "string" && LOST.test(e.message);
}

/** Whether a SQLite error is a lock held by another connection past the busy timeout. */
export function isSqliteBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED" || code === "SQLITE_BUSY_SNAPSHOT";
}

/** The error itself, or a StoreUnavailableError when it is a connection or lock fault. */
export function classifyStoreError(error: unknown, kind: "postgres" | "sqlite"): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (kind === "postgres" && isPostgresConnectionError(error)) return new StoreUnavailableError(message.replace(/postgres(ql)?:\/\/\S+/gi, "DATABASE_URL"), kind);
  if (kind === "sqlite" && isSqliteBusyError(error)) return new StoreUnavailableError(`the database file is locked by another process (${message})`, kind);
  return error;
}
