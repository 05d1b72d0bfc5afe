/**
 * CPU time the hypervisor takes from this virtual machine (Linux /proc/stat's steal counter): timing
 * measurements taken while it is high are slowed by something outside the machine.
 */
import { readFileSync } from "node:fs";

/** The machine's CPU time counters in clock ticks: all of it, and the part stolen by the hypervisor. */
export interface CpuTicks {
  total: number;
  steal: number;
}

/** Reads the counters, or null where /proc/stat does not exist (not Linux). */
export function cpuTicks(): CpuTicks | null {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return null;
  }
}

/** Share of the machine's CPU time stolen between two readings, or null when either is missing. */
export function stolenFraction(before: CpuTicks | null, after: CpuTicks | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return (after.steal - before.steal) / (after.total - before.total);
}
