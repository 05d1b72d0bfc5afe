/** `costcurve machine [--save NAME] [--json] [--threads N]`: microbenchmarks of this machine as llama.cpp sees it. */
import type { Command } from "commander";
import { type MachineMeasurement, StoredMachine, machineAccelerator, machineProfile, measureMachine } from "../bench/machine.js";
import type { EfficiencyProfile } from "../core/efficiency.js";
import type { Accelerator } from "../core/hardware.js";
import { formatBytes, formatDuration, formatKeyValues, formatRate } from "../report/index.js";
import { withStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { type Io, UsageError } from "./io.js";
import { requireNodeLlamaCpp } from "./llama-peer.js";
import { todayIso, wholeOption } from "./options.js";

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Every machine saved with `costcurve machine --save`, newest version of each, as catalog rows and profiles. */
export async function storedMachines(store: Store): Promise<{ accelerators: Accelerator[]; profiles: EfficiencyProfile[] }> {
  const accelerators: Accelerator[] = [];
  const profiles: EfficiencyProfile[] = [];
  const names = new Set((await store.listCalibrationProfiles()).map((r) => r.name).filter((n) => n.startsWith("machine-")));
  for (const name of names) {
    const record = await store.getCalibrationProfile(name);
    const parsed = StoredMachine.safeParse(record?.profile);
    if (!parsed.success) continue;
    accelerators.push(parsed.data.accelerator);
    profiles.push(parsed.data.profile);
  }
  return { accelerators, profiles };
}

/** Saves the machine as calibration profile "machine-NAME" (a new version when it exists). */
export async function saveMachine(store: Store, measurement: MachineMeasurement, name: string): Promise<{ accelerator: Accelerator; profile: EfficiencyProfile; version: number }> {
  const accelerator = machineAccelerator(measurement, name);
  const profile = machineProfile(measurement, name);
  const record = await store.saveCalibrationProfile(`machine-${name}`, { kind: "machine", accelerator, profile, measurement } satisfies StoredMachine);
  return { accelerator, profile, version: record.version };
}

/** Human summary of a measurement. */
export function renderMachine(m: MachineMeasurement): string {
  const gb = (bps: number) => formatRate(bps / 1e9, "GB/s");
  const rows: Array<[string, string]> = [
    ["memory", formatBytes(m.totalMemoryBytes)],
    ["read bandwidth, 1 thread", gb(m.bandwidth.single.bytesPerSecond)],
    [`read bandwidth, ${m.bandwidth.all.threadCount} threads`, gb(m.bandwidth.all.bytesPerSecond)],
    ...m.timings.map((t): [string, string] => [
      `llama.cpp ${t.precision} h${t.shape.embeddingLength}x${t.shape.blockCount}`,
      `prefill ${formatRate(t.prefillFlopsPerSecond / 1e9, "GFLOP/s")}, decode ${formatDuration(t.decodeSecondsPerToken)}/token (${formatBytes(t.decodeWeightBytes)} weights)`,
    ]),
    ["GEMM rate fp16 (infinite width)", formatRate(m.matmul.fp16FlopsPerSecond / 1e9, "GFLOP/s")],
    ["GEMM rate fp32 (infinite width)", formatRate(m.matmul.fp32FlopsPerSecond / 1e9, "GFLOP/s")],
    ["GEMM half-efficiency width", m.matmul.halfEfficiencyWidth.toFixed(0)],
    ["decode overhead per layer per token", formatDuration(m.decode.layerOverheadSeconds)],
    ["decode effective bandwidth", gb(m.decode.effectiveBytesPerSecond)],
    ["llama.cpp threads", String(m.threads)],
    ["wall time", formatDuration(m.wallSeconds)],
  ];
  return formatKeyValues(rows);
}

/** Registers `costcurve machine`. */
export function registerMachine(program: Command, io: Io): void {
  program
    .command("machine")
    .description("Microbenchmark this machine (memory bandwidth, llama.cpp GEMM FLOP/s, decode overhead) and optionally save it as an accelerator and efficiency profile")
    .option("--save <name>", "save as accelerator machine-<name> (family local-cpu) with a llamacpp efficiency profile in the store")
    .option("--threads <n>", "llama.cpp threads (1 is fastest with node-llama-cpp's prebuilt CPU build)", "1")
    .option("--json", "print {accelerator, profile, measurement} as JSON")
    .action(async (flags: { save?: string; threads: string; json?: boolean }) => {
      const threads = wholeOption("--threads", flags.threads);
      if (flags.save !== undefined && !NAME.test(flags.save)) throw new UsageError(`--save: "${flags.save}" is not a valid name; use lowercase letters, digits and hyphens, e.g. "laptop"`);
      const name = flags.save ?? "local";
      const date = todayIso();
      await requireNodeLlamaCpp("costcurve machine");
      const measurement = await measureMachine({ threads, date, onProgress: (message) => io.stderr(`${message}\n`) });
      const accelerator = machineAccelerator(measurement, name);
      const profile = machineProfile(measurement, name);
      if (flags.save !== undefined) {
        const saved = await withStore(io.env, io.cwd, (store) => saveMachine(store, measurement, name));
        io.stderr(`saved accelerator ${saved.accelerator.id} (family local-cpu, engine llamacpp) as calibration profile machine-${name} v${saved.version}\n`);
      }
      if (flags.json) io.stdout(`${JSON.stringify({ accelerator, profile, measurement })}\n`);
      else io.stdout(renderMachine(measurement));
    });
}
