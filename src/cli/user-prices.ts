// Price rows kept in the store join the price book when a store is configured (COSTCURVE_DB or DATABASE_URL): user
// rows (`prices add`) and every genai-prices snapshot (`prices update`), each dated and sourced.
import { createPriceBook, type PriceBook } from "../prices/book.js";
import { PriceRow, type PriceRowInput } from "../prices/schema.js";
import { storeConfigured, withStore } from "../store/open-store.js";
import type { Io } from "./io.js";
import { UPDATE_LABEL } from "./prices-update.js";

/** The price book plus the store's user rows and update snapshots; without a configured store, the built-in book only. */
export async function priceBookWithUserRows(io: Io): Promise<PriceBook> {
  if (!storeConfigured(io.env)) return createPriceBook();
  return withStore(io.env, io.cwd, async (store) => {
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
      else io.stderr(`costcurve: skipping user price row ${record.seq}: ${parsed.error.issues[0]?.message ?? "invalid"}\n`);
    }
    return createPriceBook(rows);
  });
}
