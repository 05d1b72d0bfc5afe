// What a page or API handler gets: the request URL, the environment (store configuration) and a cached price book.
import { loadPriceBook } from "../app/price-book.js";
import { createPriceBook, type PriceBook } from "../prices/book.js";
import { storeConfigured } from "../store/open-store.js";
import type { Trusted } from "./html.js";

export interface WebContext {
  env: Record<string, string | undefined>;
  cwd: string;
  /** The price book with the store's user rows when a store is configured (built once per server without one). */
  book(): Promise<PriceBook>;
}

export interface RequestContext extends WebContext {
  url: URL;
  query: URLSearchParams;
}

/** A rendered page: its main content and status (400 when the form's input is invalid). */
export interface PageResult {
  title: string;
  main: Trusted;
  status?: number;
}

export type Page = (ctx: RequestContext) => Promise<PageResult> | PageResult;

/** A context whose built-in price book is created once; with a store it is rebuilt per request (user rows change). */
export function webContext(env: Record<string, string | undefined>, cwd: string): WebContext {
  let cached: PriceBook | undefined;
  const hasStore = storeConfigured(env);
  return {
    env,
    cwd,
    async book() {
      // a user row that does not parse is left out (the CLI says so on stderr; `prices list` shows it)
      if (hasStore) return loadPriceBook(env, cwd);
      cached ??= createPriceBook();
      return cached;
    },
  };
}
