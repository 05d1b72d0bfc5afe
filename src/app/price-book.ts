// The price book a question is answered with: the shipped rows plus, when a store is configured (COSTCURVE_DB or
// DATABASE_URL), its user rows (`prices add`) and every genai-prices snapshot (`prices update`), each dated and sourced.
import { createPriceBook, type PriceBook } from "../prices/book.js";
import { PriceRow, type PriceRowInput } from "../prices/schema.js";
import { storeConfigured, withStore } from "../store/open-store.js";

/** The label of the store snapshots `prices update` writes. */
export const UPDATE_LABEL = "genai-prices";

/** A user row the store holds that does not parse (the shell says so and goes on without it). */
export interface SkippedPriceRow {
  seq: number;
  reason: string;
}

/** The price book plus the store's user rows and update snapshots; without a configured store, the built-in book. */
export async function loadPriceBook(env: Record<string, string | undefined>, cwd: string, onSkip: (row: SkippedPriceRow) => void = () => {}): Promise<PriceBook> {
  if (!storeConfigured(env)) return createPriceBook();
  return withStore(env, cwd, async (store) => {
    const rows: PriceRowInput[] = [];
    for (const snapshot of await store.listPriceSnapshots()) {
      if (snapshot.label !== UPDATE_LABEL) continue;
      for (const raw of snapshot.rows) {
        const parsed = PriceRow.safeParse(raw);
        if (parsed.success) rows.push(parsed.data);
      }
    }
    for (const record of await store.listUserPrices()) {
      const parsed = PriceRow.safeParse({ ...(record.row as object), origin: "user" });
      if (parsed.success) rows.push(parsed.data);
      else onSkip({ seq: record.seq, reason: parsed.error.issues[0]?.message ?? "invalid" });
    }
    return createPriceBook(rows);
  });
}
