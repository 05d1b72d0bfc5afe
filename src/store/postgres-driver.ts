// PostgreSQL through a pg connection pool that survives a dropped server: every connection has an 'error' handler.
import pg from "pg";
import { postgresDialect } from "./dialect.js";
import type { SqlDriver, SqlExecutor, SqlRow } from "./driver.js";
import { classifyStoreError } from "./store-errors.js";

/** How long opening a connection may take before the request fails as unavailable, in milliseconds. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long one query may wait for the server's answer (a stopped or unreachable server), in milliseconds. */
const QUERY_TIMEOUT_MS = 60_000;

const unavailable = (error: unknown) => classifyStoreError(error, "postgres");

/**
 * Connects to `connectionString` (postgres://user@host:port/db, or host=/socket/dir for a unix socket). A
 * lost connection fails only the statement it was running (as StoreUnavailableError) and leaves the pool:
 * the next statement opens a fresh one, so a restarted server is picked up without restarting the process.
 */
export function openPostgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 4, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS, keepAlive: true });
  // an idle client losing its server must not crash the process (pg-pool removes it from the pool)
  pool.on("error", () => undefined);
  // a client checked out for a transaction has no pool listener: without this one, a server killed
  // mid-transaction raises an unhandled 'error' event and ends the process
  pool.on("connect", (client) => void client.on("error", () => undefined));
  const on = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    all: async (sql, params = []) => {
      try {
        return (await client.query(postgresDialect.placeholders(sql), [...params])).rows as SqlRow[];
      } catch (error) {
        throw unavailable(error);
      }
    },
    run: async (sql, params = []) => {
      try {
        return (await client.query(postgresDialect.placeholders(sql), [...params])).rowCount ?? 0;
      } catch (error) {
        throw unavailable(error);
      }
    },
  });
  const direct = on(pool);
  return {
    dialect: postgresDialect,
    all: direct.all,
    run: direct.run,
    transaction: async (fn) => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw unavailable(error);
      }
      let broken: unknown = null;
      const onError = (error: unknown) => void (broken = error);
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        if (broken === null) await client.query("ROLLBACK").catch((e: unknown) => void (broken = e));
        throw unavailable(error);
      } finally {
        client.off("error", onError);
        // a client whose connection failed is discarded, not returned to the pool
        client.release(broken instanceof Error ? broken : broken === null ? undefined : new Error(String(broken)));
      }
    },
    close: () => pool.end(),
  };
}
