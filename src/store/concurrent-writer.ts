// Child-process entry for the concurrency test: appends `count` snapshots under one key as writer `name`.
import { openConfiguredStore, type StoreConfig } from "./open-store.js";

/** Writes `count` rows one by one (each its own statement) and closes the store. */
export async function writeRows(config: StoreConfig, name: string, count: number): Promise<void> {
  const store = await openConfiguredStore(config);
  try {
    for (let i = 0; i < count; i++) await store.addSnapshot("concurrency", { writer: name, i });
  } finally {
    await store.close();
  }
}

// argv: JSON config, writer name, count
const [configJson, name, count] = process.argv.slice(2);
if (configJson && name && count) {
  writeRows(JSON.parse(configJson) as StoreConfig, name, Number(count)).catch((error: unknown) => {
    process.stderr.write(`writer ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
