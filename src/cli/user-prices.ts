// The CLI's price book: the app's (shipped rows plus the store's), a skipped user row reported on stderr.
import { loadPriceBook } from "../app/price-book.js";
import type { PriceBook } from "../prices/book.js";
import type { Io } from "./io.js";

/** The price book plus the store's user rows and update snapshots; without a configured store, the built-in book only. */
export function priceBookWithUserRows(io: Io): Promise<PriceBook> {
  return loadPriceBook(io.env, io.cwd, (skip) => io.stderr(`costcurve: skipping user price row ${skip.seq}: ${skip.reason}\n`));
}
