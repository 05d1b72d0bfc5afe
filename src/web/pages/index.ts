// Every page by path ("/kb/*" serves claim pages).
import type { Page } from "../context.js";
import { embeddingsPage } from "./embeddings-page.js";
import { kbNodePage, kbSearchPage } from "./kb-page.js";
import { billPage, breakevenPage, indexPage, pricesPage } from "./money-pages.js";
import { predictPage } from "./predict-page.js";
import { runsPage } from "./runs-page.js";
import { frontierPage, optimizePage } from "./sweep-pages.js";

export const PAGES: Record<string, Page> = {
  "/predict": predictPage,
  "/embeddings": embeddingsPage,
  "/frontier": frontierPage,
  "/optimize": optimizePage,
  "/prices": pricesPage,
  "/bill": billPage,
  "/breakeven": breakevenPage,
  "/index": indexPage,
  "/runs": runsPage,
  "/kb": kbSearchPage,
  "/kb/*": kbNodePage,
};
