// The one storage interface; SQLite and PostgreSQL implement it through the same SQL (sql-store.ts).
import type { BenchLevelRecord, BenchRequestRecord, BenchRunRecord, CalibrationRecord, KbHit, KbNode, PriceSnapshotRecord, SnapshotRecord, UserPriceRecord } from "./records.js";

export interface NewUserPrice {
  modelId: string;
  provider: string;
  startDate: string;
  row: unknown;
}

export interface NewBenchRun {
  id: string;
  startedAt: string;
  label?: string;
  metadata: unknown;
}

export interface NewBenchRequest {
  levelIndex: number;
  seq: number;
  data: unknown;
}

export interface TimeRange {
  /** Inclusive lower bound (ISO timestamp or date). */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
}

/** Everything costcurve remembers; every method is async and returns zod-checked records. */
export interface Store {
  readonly kind: "sqlite" | "postgres";

  /** Appends a user price row (the price book is append-only) and returns it with its sequence number. */
  addUserPrice(row: NewUserPrice): Promise<UserPriceRecord>;
  listUserPrices(modelId?: string): Promise<UserPriceRecord[]>;

  addPriceSnapshot(label: string, rows: unknown[], takenAt?: string): Promise<PriceSnapshotRecord>;
  listPriceSnapshots(range?: TimeRange): Promise<PriceSnapshotRecord[]>;

  /** Creates or replaces the run's metadata. */
  saveBenchRun(run: NewBenchRun): Promise<BenchRunRecord>;
  saveBenchLevel(runId: string, levelIndex: number, summary: unknown): Promise<void>;
  /** Appends per-request rows (saved incrementally while a run goes on); same (level, seq) replaces. */
  addBenchRequests(runId: string, rows: NewBenchRequest[]): Promise<void>;
  getBenchRun(id: string): Promise<{ run: BenchRunRecord; levels: BenchLevelRecord[]; requests: BenchRequestRecord[] } | null>;
  listBenchRuns(): Promise<BenchRunRecord[]>;

  /** Saves a new version of a named profile (1 for a new name). */
  saveCalibrationProfile(name: string, profile: unknown): Promise<CalibrationRecord>;
  /** The given version, or the latest when omitted; null when absent. */
  getCalibrationProfile(name: string, version?: number): Promise<CalibrationRecord | null>;
  listCalibrationProfiles(): Promise<CalibrationRecord[]>;

  upsertKbNode(node: KbNode): Promise<void>;
  getKbNode(id: string): Promise<KbNode | null>;
  listKbNodes(kind?: string): Promise<KbNode[]>;
  deleteKbNode(id: string): Promise<boolean>;
  /** Full-text search over title, body and tags, best first. */
  searchKb(query: string, limit?: number): Promise<KbHit[]>;

  addSnapshot(key: string, payload: unknown, takenAt?: string): Promise<SnapshotRecord>;
  listSnapshots(key: string, range?: TimeRange): Promise<SnapshotRecord[]>;
  latestSnapshot(key: string): Promise<SnapshotRecord | null>;

  /** Ids of the applied migrations, in order. */
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}
