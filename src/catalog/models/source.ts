import type { Source } from "../../core/hardware.js";

/** The date every config in this catalog was read. */
export const RETRIEVED_DATE = "2026-11-22";

/** How a config's values were obtained: read from a stored copy via the search tool, or written from the card. */
export type Provenance = "search" | "card";

/** Source for a model: its Hugging Face config.json URL, with a note on how the values were obtained. */
export function hfConfigSource(repoId: string, provenance: Provenance, detail: string): Source {
  const how = provenance === "search" ? "Read via the search tool from a stored copy of this config.json" : "Written from the model card / paper and the published config as known; not read via the search tool";
  return {
    url: `https://huggingface.co/${repoId}/blob/main/config.json`,
    retrievedDate: RETRIEVED_DATE,
    note: `${how}. ${detail}`.trim(),
  };
}

/** Source for a quantized checkpoint: its Hugging Face model page. */
export function hfPageSource(repoId: string, note: string): Source {
  return { url: `https://huggingface.co/${repoId}`, retrievedDate: RETRIEVED_DATE, note };
}
