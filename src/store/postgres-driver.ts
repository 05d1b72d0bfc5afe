// PostgreSQL through a pg connection pool.
import pg from "pg";
import { postgresDialect } from "./dialect.js";
import type { SqlDriver, SqlExecutor, SqlRow } from "./driver.js";

/** Connects to `connectionString` (postgres://user@host:port/db, or host=/socket/dir for a unix socket). */
export function openPostgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // an idle client losing its server must not crash the process
  pool.on("error", () => undefined);
  const on = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    all: async (sql, params = []) => (await client.query(postgresDialect.placeholders(sql), [...params])).rows as SqlRow[],
    run: async (sql, params = []) => (await client.query(postgresDialect.placeholders(sql), [...params])).rowCount ?? 0,
  });
  const direct = on(pool);
  return {
    dialect: postgresDialect,
    all: direct.all,
    run: direct.run,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
