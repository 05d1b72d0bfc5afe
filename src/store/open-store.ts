// Picks the store from configuration: DATABASE_URL (postgres://...) wins, else the SQLite file $COSTCURVE_DB.
import { isAbsolute, resolve } from "node:path";
import { openPostgresDriver } from "./postgres-driver.js";
import { createSqlStore } from "./sql-store.js";
import { openSqliteDriver } from "./sqlite-driver.js";
import type { Store } from "./store.js";

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_DB_FILE = "costcurve.db";

export type StoreConfig = { kind: "postgres"; url: string } | { kind: "sqlite"; path: string };

/** Reads the store configuration from environment variables (DATABASE_URL, COSTCURVE_DB). */
export function storeConfig(env: Record<string, string | undefined>, cwd = process.cwd()): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL: expected postgres:// or postgresql://, got ${url.split(":")[0]}:`);
    return { kind: "postgres", url };
  }
  const file = env.COSTCURVE_DB?.trim() || DEFAULT_DB_FILE;
  return { kind: "sqlite", path: file === ":memory:" || isAbsolute(file) ? file : resolve(cwd, file) };
}

/** Whether a store is configured (DATABASE_URL or COSTCURVE_DB); without one, reads use only what ships. */
export function storeConfigured(env: Record<string, string | undefined>): boolean {
  return Boolean(env.COSTCURVE_DB || env.DATABASE_URL);
}

/** Opens the configured store, runs `work` on it and closes it, also when `work` throws. */
export async function withStore<T>(env: Record<string, string | undefined>, cwd: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(env, cwd);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Opens and migrates the configured store. */
export async function openStore(env: Record<string, string | undefined> = process.env, cwd?: string): Promise<Store> {
  const config = storeConfig(env, cwd);
  return openConfiguredStore(config);
}

export async function openConfiguredStore(config: StoreConfig): Promise<Store> {
  const driver = config.kind === "postgres" ? openPostgresDriver(config.url) : openSqliteDriver(config.path);
  try {
    return await createSqlStore(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
}
