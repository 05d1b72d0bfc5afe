// `costcurve prices update` and `prices add`: new dated, sourced price rows written to the store, where bill,
// index, breakeven and prices read them (append-only: history is new rows, never edits).
import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REMOTE_DATA_JSON_URL, type Provider } from "@pydantic/genai-prices";
import { z } from "zod";
import { providerRows } from "../prices/library.js";
import { PriceRow } from "../prices/schema.js";
import { storeConfigured, withStore } from "../store/open-store.js";
import { type Io, UsageError } from "./io.js";
import { dateOption, todayIso } from "./options.js";

/** The label of the snapshots `prices update` saves. */
import { UPDATE_LABEL } from "../app/price-book.js";
export { UPDATE_LABEL };

const ProviderData = z.array(z.looseObject({ id: z.string().min(1), models: z.array(z.looseObject({ id: z.string().min(1), prices: z.unknown() })) })).min(1);

function requireStore(io: Io, command: string): void {
  if (!storeConfigured(io.env)) throw new UsageError(`${command}: needs a store that bill, index and breakeven read: set COSTCURVE_DB (e.g. COSTCURVE_DB=./costcurve.db) or DATABASE_URL`);
}

/** Reads genai-prices provider data from --from FILE, or fetches the library's remote data.json. */
async function providerData(from: string | undefined, io: Io): Promise<{ providers: Provider[]; where: string }> {
  let raw: unknown;
  const where = from === undefined ? REMOTE_DATA_JSON_URL : resolve(io.cwd, from);
  try {
    raw = from === undefined ? await (await fetch(REMOTE_DATA_JSON_URL, { signal: AbortSignal.timeout(60_000) })).json() : JSON.parse(readFileSync(where, "utf8"));
  } catch (error) {
    throw new UsageError(
      `${from === undefined ? "prices update" : "--from"}: cannot read ${where} (${error instanceof Error ? error.message : String(error)})${from === undefined ? "; offline, give --from FILE (a genai-prices data.json)" : ""}`,
    );
  }
  const parsed = ProviderData.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${from === undefined ? "prices update" : "--from"}: ${where} is not genai-prices provider data (an array of {id, models: [{id, prices}]})`);
  return { providers: parsed.data as unknown as Provider[], where };
}

async function update(flags: { from?: string; at?: string; json?: boolean }, io: Io): Promise<void> {
  requireStore(io, "prices update");
  const date = dateOption("--at", flags.at ?? todayIso());
  const { providers, where } = await providerData(flags.from, io);
  const rows = providerRows(providers, date, { retrievedDate: date, note: `genai-prices data from ${flags.from === undefined ? where : `--from ${flags.from}`}, retrieved ${date}` });
  if (rows.length === 0) throw new UsageError(`prices update: ${where} holds no price for the providers costcurve reads`);
  const snapshot = await withStore(io.env, io.cwd, (store) => store.addPriceSnapshot(UPDATE_LABEL, rows, `${date}T00:00:00.000Z`));
  if (flags.json) io.stdout(`${JSON.stringify({ snapshotId: snapshot.id, date, source: where, rowCount: rows.length })}\n`);
  else io.stdout(`saved ${rows.length} price rows from ${where} as snapshot ${snapshot.id}, in force from ${date} (models with one price) or their own start dates\n`);
}

interface AddFlags {
  model?: string;
  provider?: string;
  from?: string;
  input?: string;
  output?: string;
  cacheRead?: string;
  cacheWrite?: string;
  cacheWrite1h?: string;
  contextWindow?: string;
  source?: string;
  note?: string;
}

function usd(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${flag}: expected USD per million tokens (a number >= 0), got "${text}"`);
  return value;
}

async function add(flags: AddFlags, io: Io): Promise<void> {
  requireStore(io, "prices add");
  for (const [flag, value] of [
    ["--model", flags.model],
    ["--provider", flags.provider],
    ["--input", flags.input],
    ["--source", flags.source],
  ] as const) {
    if (value === undefined) throw new UsageError(`${flag}: required (prices add --model M --provider P --input USD --output USD --source URL [--from DATE])`);
  }
  const startDate = dateOption("--from", flags.from ?? todayIso());
  const window = flags.contextWindow === undefined ? undefined : Number(flags.contextWindow);
  if (window !== undefined && !(Number.isInteger(window) && window > 0)) throw new UsageError(`--context-window: expected a whole number of tokens, got "${flags.contextWindow}"`);
  const parsed = PriceRow.safeParse({
    modelId: flags.model,
    provider: flags.provider,
    startDate,
    inputUsdPerMillionTokens: usd("--input", flags.input),
    outputUsdPerMillionTokens: usd("--output", flags.output) ?? null,
    ...(flags.cacheRead !== undefined ? { cacheReadUsdPerMillionTokens: usd("--cache-read", flags.cacheRead) } : {}),
    ...(flags.cacheWrite !== undefined ? { cacheWriteUsdPerMillionTokens: usd("--cache-write", flags.cacheWrite) } : {}),
    ...(flags.cacheWrite1h !== undefined ? { cacheWriteOneHourUsdPerMillionTokens: usd("--cache-write-1h", flags.cacheWrite1h) } : {}),
    ...(window !== undefined ? { contextWindowTokens: window } : {}),
    origin: "user",
    source: { url: flags.source, retrievedDate: todayIso(), note: flags.note ?? "added with costcurve prices add" },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`prices add: ${issue.path.join(".")}: ${issue.message}`);
  }
  const row = parsed.data;
  const record = await withStore(io.env, io.cwd, (store) => store.addUserPrice({ modelId: row.modelId, provider: row.provider, startDate, row }));
  io.stdout(`saved price row ${record.seq}: ${row.provider}/${row.modelId} from ${startDate}, ${row.inputUsdPerMillionTokens}/${row.outputUsdPerMillionTokens ?? "-"} USD per 1M (${row.source.url})\n`);
}

/** Registers `prices update` and `prices add` under the prices command. */
export function registerPriceWrites(prices: Command, io: Io): void {
  prices
    .command("update")
    .description("Save genai-prices' current data (its remote data.json, or --from FILE offline) to the store as new dated rows")
    .option("--from <file>", "a genai-prices data.json to read instead of fetching it")
    .option("--at <date>", "the date the rows take effect (YYYY-MM-DD), default today")
    .option("--json", "print {snapshotId, date, source, rowCount}")
    .action(async (_flags: unknown, cmd: Command) => update(cmd.optsWithGlobals<{ from?: string; at?: string; json?: boolean }>(), io));
  prices
    .command("add")
    .description("Add your own dated, sourced price row (a negotiated or missing price) to the store")
    .option("--model <id>", "model id (required)")
    .option("--provider <name>", "provider (required)")
    .option("--from <date>", "in force from this date (YYYY-MM-DD), default today")
    .option("--input <usd>", "USD per 1M input tokens (required)")
    .option("--output <usd>", "USD per 1M output tokens (absent: an embedding model)")
    .option("--cache-read <usd>", "USD per 1M cached input tokens")
    .option("--cache-write <usd>", "USD per 1M tokens written to the cache (default TTL)")
    .option("--cache-write-1h <usd>", "USD per 1M tokens written to the cache with a one-hour TTL")
    .option("--context-window <tokens>", "the model's context window")
    .option("--source <url>", "where the price is stated (required)")
    .option("--note <text>", "what the source says")
    .action(async (_flags: unknown, cmd: Command) => add(cmd.optsWithGlobals<AddFlags>(), io));
}
