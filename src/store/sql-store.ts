// The Store written once in SQL over a SqlDriver; the dialect covers placeholders, JSON and locking.
import { benchLevelWrite, benchRequestWrites, benchRunWrite } from "./bench-writes.js";
import type { SqlDriver, SqlRow } from "./driver.js";
import { deleteKbNode, getKbNode, listKbNodes, searchKb, upsertKbNode } from "./kb-queries.js";
import { migrate } from "./migrations.js";
import { BenchLevelRecord, BenchRequestRecord, BenchRunRecord, CalibrationRecord, parseRows, PriceSnapshotRecord, SnapshotRecord, UserPriceRecord } from "./records.js";
import type { Store, TimeRange } from "./store.js";

function rangeClause(column: string, range: TimeRange | undefined, params: unknown[]): string {
  let clause = "";
  if (range?.from) {
    clause += ` AND ${column} >= ?`;
    params.push(range.from);
  }
  if (range?.to) {
    clause += ` AND ${column} < ?`;
    params.push(range.to);
  }
  return clause;
}

/** Opens a Store over a driver, applying pending migrations first. */
export async function createSqlStore(driver: SqlDriver, now: () => string = () => new Date().toISOString()): Promise<Store> {
  await migrate(driver);
  const d = driver.dialect;
  const json = (value: unknown) => d.encodeJson(value);

  const userPrice = (r: SqlRow) => ({
    seq: r.seq,
    createdAt: r.created_at,
    modelId: r.model_id,
    provider: r.provider,
    startDate: r.start_date,
    row: d.decodeJson(r.row_json),
  });
  const priceSnapshot = (r: SqlRow) => ({ id: r.id, takenAt: r.taken_at, label: r.label, rows: d.decodeJson(r.rows_json) });
  const benchRun = (r: SqlRow) => ({ id: r.id, startedAt: r.started_at, label: r.label, metadata: d.decodeJson(r.metadata_json) });
  const calibration = (r: SqlRow) => ({
    name: r.name,
    version: r.version,
    createdAt: r.created_at,
    profile: d.decodeJson(r.profile_json),
  });
  const snapshot = (r: SqlRow) => ({ id: r.id, key: r.key, takenAt: r.taken_at, payload: d.decodeJson(r.payload_json) });

  return {
    kind: d.name,

    async addUserPrice(row) {
      const rows = await driver.all(`INSERT INTO user_prices (created_at, model_id, provider, start_date, row_json) VALUES (?, ?, ?, ?, ?) RETURNING *`, [now(), row.modelId, row.provider, row.startDate, json(row.row)]);
      return parseRows(UserPriceRecord, "user_prices", rows.map(userPrice))[0]!;
    },
    async listUserPrices(modelId) {
      const rows = modelId ? await driver.all(`SELECT * FROM user_prices WHERE model_id = ? ORDER BY start_date, seq`, [modelId]) : await driver.all(`SELECT * FROM user_prices ORDER BY model_id, start_date, seq`);
      return parseRows(UserPriceRecord, "user_prices", rows.map(userPrice));
    },

    async addPriceSnapshot(label, rows, takenAt) {
      const out = await driver.all(`INSERT INTO price_snapshots (taken_at, label, rows_json) VALUES (?, ?, ?) RETURNING *`, [takenAt ?? now(), label, json(rows)]);
      return parseRows(PriceSnapshotRecord, "price_snapshots", out.map(priceSnapshot))[0]!;
    },
    async listPriceSnapshots(range) {
      const params: unknown[] = [];
      const where = rangeClause("taken_at", range, params);
      const rows = await driver.all(`SELECT * FROM price_snapshots WHERE 1 = 1${where} ORDER BY taken_at, id`, params);
      return parseRows(PriceSnapshotRecord, "price_snapshots", rows.map(priceSnapshot));
    },

    async saveBenchRun(run) {
      const write = benchRunWrite(d, run);
      const rows = await driver.all(`${write.sql} RETURNING *`, write.params);
      return parseRows(BenchRunRecord, "bench_runs", rows.map(benchRun))[0]!;
    },
    async saveBenchLevel(runId, levelIndex, summary) {
      const write = benchLevelWrite(d, runId, levelIndex, summary);
      await driver.run(write.sql, write.params);
    },
    async addBenchRequests(runId, requests) {
      const writes = benchRequestWrites(d, runId, requests);
      await driver.transaction(async (tx) => {
        for (const w of writes) await tx.run(w.sql, w.params);
      });
    },
    async getBenchRun(id) {
      const runs = parseRows(BenchRunRecord, "bench_runs", (await driver.all(`SELECT * FROM bench_runs WHERE id = ?`, [id])).map(benchRun));
      const run = runs[0];
      if (!run) return null;
      const levels = await driver.all(`SELECT * FROM bench_levels WHERE run_id = ? ORDER BY level_index`, [id]);
      const requests = await driver.all(`SELECT * FROM bench_requests WHERE run_id = ? ORDER BY level_index, seq`, [id]);
      return {
        run,
        levels: parseRows(
          BenchLevelRecord,
          "bench_levels",
          levels.map((r) => ({ runId: r.run_id, levelIndex: r.level_index, summary: d.decodeJson(r.summary_json) })),
        ),
        requests: parseRows(
          BenchRequestRecord,
          "bench_requests",
          requests.map((r) => ({ runId: r.run_id, levelIndex: r.level_index, seq: r.seq, data: d.decodeJson(r.data_json) })),
        ),
      };
    },
    async listBenchRuns() {
      const rows = await driver.all(`SELECT * FROM bench_runs ORDER BY started_at DESC, id`);
      return parseRows(BenchRunRecord, "bench_runs", rows.map(benchRun));
    },

    async saveCalibrationProfile(name, profile) {
      const rows = await driver.transaction(async (tx) => {
        const lock = d.lockTable("calibration_profiles");
        if (lock) await tx.run(lock);
        const [latest] = await tx.all(`SELECT MAX(version) AS v FROM calibration_profiles WHERE name = ?`, [name]);
        const version = Number(latest?.v ?? 0) + 1;
        return tx.all(`INSERT INTO calibration_profiles (name, version, created_at, profile_json) VALUES (?, ?, ?, ?) RETURNING *`, [name, version, now(), json(profile)]);
      });
      return parseRows(CalibrationRecord, "calibration_profiles", rows.map(calibration))[0]!;
    },
    async getCalibrationProfile(name, version) {
      const rows =
        version === undefined
          ? await driver.all(`SELECT * FROM calibration_profiles WHERE name = ? ORDER BY version DESC LIMIT 1`, [name])
          : await driver.all(`SELECT * FROM calibration_profiles WHERE name = ? AND version = ?`, [name, version]);
      return parseRows(CalibrationRecord, "calibration_profiles", rows.map(calibration))[0] ?? null;
    },
    async listCalibrationProfiles() {
      const rows = await driver.all(`SELECT * FROM calibration_profiles ORDER BY name, version`);
      return parseRows(CalibrationRecord, "calibration_profiles", rows.map(calibration));
    },

    upsertKbNode: (node) => upsertKbNode(driver, node),
    getKbNode: (id) => getKbNode(driver, id),
    listKbNodes: (kind) => listKbNodes(driver, kind),
    deleteKbNode: (id) => deleteKbNode(driver, id),
    searchKb: (query, limit) => searchKb(driver, query, limit),

    async addSnapshot(key, payload, takenAt) {
      const rows = await driver.all(`INSERT INTO snapshots (key, taken_at, payload_json) VALUES (?, ?, ?) RETURNING *`, [key, takenAt ?? now(), json(payload)]);
      return parseRows(SnapshotRecord, "snapshots", rows.map(snapshot))[0]!;
    },
    async listSnapshots(key, range) {
      const params: unknown[] = [key];
      const where = rangeClause("taken_at", range, params);
      const rows = await driver.all(`SELECT * FROM snapshots WHERE key = ?${where} ORDER BY taken_at, id`, params);
      return parseRows(SnapshotRecord, "snapshots", rows.map(snapshot));
    },
    async latestSnapshot(key) {
      const rows = await driver.all(`SELECT * FROM snapshots WHERE key = ? ORDER BY taken_at DESC, id DESC LIMIT 1`, [key]);
      return parseRows(SnapshotRecord, "snapshots", rows.map(snapshot))[0] ?? null;
    },

    async appliedMigrations() {
      return (await driver.all(`SELECT id FROM schema_migrations ORDER BY id`)).map((r) => String(r.id));
    },
    close: () => driver.close(),
  };
}
