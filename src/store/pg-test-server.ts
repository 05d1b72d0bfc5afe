// Test helper: a throwaway PostgreSQL server (Debian's postgresql package) in a temp dir, on a free loopback port.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PgTestServer {
  /** Connection URL of the database created at start. */
  url: string;
  /** Creates another empty database and returns its URL. */
  newDatabase(): Promise<string>;
  /** Kills the server at once (pg_ctl stop -m immediate: every connection drops), keeping its data. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port. */
  resume(): Promise<void>;
  /** Ends every connection to the named database (pg_terminate_backend), as an administrator killing sessions would. */
  terminateConnections(database: string): Promise<number>;
  stop(): Promise<void>;
}

/** Directory holding initdb and pg_ctl: $COSTCURVE_PG_BIN, PATH or /usr/lib/postgresql/<version>/bin; null when absent. */
export function findPostgresBin(): string | null {
  // an explicit directory (COSTCURVE_PG_BIN) wins, so a machine can pick a version or simulate a missing server
  const explicit = process.env.COSTCURVE_PG_BIN;
  if (explicit !== undefined) return existsSync(join(explicit, "initdb")) && existsSync(join(explicit, "pg_ctl")) ? explicit : null;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(root, version, "bin");
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function userId(name: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Starts a server (as the postgres user when running as root, since initdb refuses root) and creates `database`. */
export async function startPgTestServer(database = "costcurve_test"): Promise<PgTestServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("postgres: initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin");
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "costcurve-pg-"));
  const dataDir = join(dir, "data");
  let asUser: (cmd: string, args: string[]) => [string, string[]] = (cmd, args) => [cmd, args];
  if (isRoot) {
    const postgres = userId("postgres");
    if (!postgres) throw new Error("postgres: running as root but there is no 'postgres' user to run initdb as");
    chownSync(dir, postgres.uid, postgres.gid);
    asUser = (cmd, args) => ["runuser", ["-u", "postgres", "--", cmd, ...args]];
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asUser(join(bin, tool), args);
    execFileSync(cmd, argv, { stdio: "pipe", timeout: 120_000 });
  };
  // asynchronous, so a test's own servers keep running while PostgreSQL stops or starts
  const runAsync = (tool: string, args: string[]) =>
    new Promise<void>((resolveRun, reject) => {
      const [cmd, argv] = asUser(join(bin, tool), args);
      execFile(cmd, argv, { timeout: 120_000 }, (error) => (error ? reject(error) : resolveRun()));
    });
  const port = await freePort();
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=40`;
  const startArgs = ["-D", dataDir, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"];
  run("pg_ctl", startArgs);
  const stop = async () => {
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  let count = 0;
  const newDatabase = async (name = `${database}_${++count}`) => {
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  const terminateConnections = async (name: string) => {
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await admin.connect();
    try {
      const result = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      return result.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  };
  try {
    const url = await newDatabase(database);
    return {
      url,
      newDatabase: () => newDatabase(),
      halt: () => runAsync("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
      resume: () => runAsync("pg_ctl", startArgs),
      terminateConnections,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
