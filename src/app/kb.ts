// The knowledge base a question reads: the configured store, seeded with the shipped claims first.
import { seedShippedContent } from "../kb/library.js";
import { withStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";

/** Runs work against the configured store, seeded with the shipped claims first. */
export function withSeededStore<T>(env: Record<string, string | undefined>, cwd: string, work: (store: Store) => Promise<T>): Promise<T> {
  return withStore(env, cwd, async (store) => {
    await seedShippedContent(store);
    return work(store);
  });
}
