import { Accelerator } from "../../core/hardware.js";
import { AMD_ACCELERATORS } from "./amd.js";
import { APPLE_ACCELERATORS } from "./apple.js";
import { INTEL_ACCELERATORS } from "./intel.js";
import { nearestIds, normalizeId } from "./nearest.js";
import { NVIDIA_AMPERE_ADA } from "./nvidia-ampere-ada.js";
import { NVIDIA_BLACKWELL } from "./nvidia-blackwell.js";
import { NVIDIA_CONSUMER } from "./nvidia-consumer.js";
import { NVIDIA_HOPPER } from "./nvidia-hopper.js";

/**
 * Every shipped accelerator, parsed with the Accelerator schema at load (a bad row fails fast at import).
 * Peaks are dense; capacities are the vendor's nominal figure in GB (1e9) unless a row says GiB.
 */
export const ACCELERATORS: readonly Accelerator[] = Object.freeze(
  [...NVIDIA_AMPERE_ADA, ...NVIDIA_HOPPER, ...NVIDIA_BLACKWELL, ...NVIDIA_CONSUMER, ...AMD_ACCELERATORS, ...INTEL_ACCELERATORS, ...APPLE_ACCELERATORS].map((row) => Accelerator.parse(row)),
);

const BY_ID = new Map(ACCELERATORS.map((a) => [a.id, a]));
if (BY_ID.size !== ACCELERATORS.length) throw new Error(`accelerator catalog: duplicate ids`);

/** All catalog ids, in catalog order. */
export function acceleratorIds(): string[] {
  return ACCELERATORS.map((a) => a.id);
}

/** The accelerator with this id (case and spaces forgiven: "H100 SXM" finds h100-sxm), or undefined. */
export function findAccelerator(id: string): Accelerator | undefined {
  return BY_ID.get(id) ?? BY_ID.get(normalizeId(id));
}

/** Up to n (default 3) catalog ids closest to an unknown name, for "unknown accelerator, did you mean" errors. */
export function nearestAcceleratorIds(query: string, n = 3): string[] {
  return nearestIds(query, acceleratorIds(), n);
}
