// Shapes of everything the store keeps; every row read back from a database is parsed with these.
import { z } from "zod";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An ISO timestamp such as 2026-11-22T10:00:00.000Z. */
const IsoTimestamp = z.string().min(10);
const Json = z.unknown();

/** A user's own price row, appended (never edited); the payload follows the price book's row shape. */
export const UserPriceRecord = z.strictObject({
  seq: z.coerce.number().int().positive(),
  createdAt: IsoTimestamp,
  modelId: z.string().min(1),
  provider: z.string().min(1),
  startDate: IsoDate,
  row: Json,
});
export type UserPriceRecord = z.infer<typeof UserPriceRecord>;

/** A dated copy of a whole price list (e.g. what genai-prices said on a day). */
export const PriceSnapshotRecord = z.strictObject({
  id: z.coerce.number().int().positive(),
  takenAt: IsoTimestamp,
  label: z.string(),
  rows: z.array(Json),
});
export type PriceSnapshotRecord = z.infer<typeof PriceSnapshotRecord>;

/** One benchmark run: metadata, per-level summaries and per-request rows, all as JSON. */
export const BenchRunRecord = z.strictObject({
  id: z.string().min(1),
  startedAt: IsoTimestamp,
  label: z.string(),
  metadata: Json,
});
export type BenchRunRecord = z.infer<typeof BenchRunRecord>;

export const BenchLevelRecord = z.strictObject({
  runId: z.string(),
  levelIndex: z.coerce.number().int().nonnegative(),
  summary: Json,
});
export type BenchLevelRecord = z.infer<typeof BenchLevelRecord>;

export const BenchRequestRecord = z.strictObject({
  runId: z.string(),
  levelIndex: z.coerce.number().int().nonnegative(),
  seq: z.coerce.number().int().nonnegative(),
  data: Json,
});
export type BenchRequestRecord = z.infer<typeof BenchRequestRecord>;

/** A named calibration profile; saving the same name again makes version n+1. */
export const CalibrationRecord = z.strictObject({
  name: z.string().min(1),
  version: z.coerce.number().int().positive(),
  createdAt: IsoTimestamp,
  profile: Json,
});
export type CalibrationRecord = z.infer<typeof CalibrationRecord>;

export const KbSource = z.strictObject({
  url: z.string().min(1),
  title: z.string().optional(),
  /** Publication date of the source (staleness is measured from it). */
  date: IsoDate.optional(),
  retrievedDate: IsoDate.optional(),
  note: z.string().optional(),
});

/** A knowledge-base node: a claim, thesis or reading. */
export const KbNode = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  kind: z.string().min(1),
  title: z.string().min(1),
  body: z.string(),
  tags: z.array(z.string()),
  sources: z.array(KbSource),
  /** Ids of related nodes. */
  links: z.array(z.string()),
  /** Declarative checks (src/kb validates them); kept as JSON. */
  checks: z.array(Json).optional(),
  updatedAt: IsoTimestamp.optional(),
});
export type KbNode = z.infer<typeof KbNode>;

/** One full-text hit: higher `score` is better; `snippet` marks matches with <mark>...</mark>. */
export const KbHit = z.strictObject({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  score: z.coerce.number(),
  snippet: z.string(),
});
export type KbHit = z.infer<typeof KbHit>;

/** A generic dated snapshot under a key (e.g. "mindshare:openrouter"). */
export const SnapshotRecord = z.strictObject({
  id: z.coerce.number().int().positive(),
  key: z.string().min(1),
  takenAt: IsoTimestamp,
  payload: Json,
});
export type SnapshotRecord = z.infer<typeof SnapshotRecord>;

/** Parses DB rows with a schema and throws a short message naming the table on mismatch. */
export function parseRows<T>(schema: z.ZodType<T>, table: string, rows: unknown[]): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`store: bad row in ${table}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    return parsed.data;
  });
}
