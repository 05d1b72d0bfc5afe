// Operator models per accelerator and engine: the profile fitted to measured kernels where AIConfigurator's tables cover
// the pair, else the same operator forms with rates from the microbenchmark catalog, else none (roofline rates).
import type { Accelerator } from "../core/hardware.js";
import type { Engine } from "../core/efficiency.js";
import { type Framework, type KernelFormat, type OperatorProfile, profileFromRates } from "../core/operators.js";
import type { ComputePrecision } from "../core/precision.js";
import { operatorProfileFor } from "./kernel-profiles/index.js";
import { microbenchFor } from "./microbench.js";

/** Engines whose kernels the tables measure; llama.cpp, TEI and "other" keep the roofline model with their fitted profiles. */
const KERNEL_ENGINES: ReadonlySet<string> = new Set<Framework>(["vllm", "sglang", "trtllm"]);

const FORMAT_OF: Partial<Record<ComputePrecision, KernelFormat>> = { bf16: "bf16", fp16: "bf16", fp8: "fp8", int8: "fp8", fp4: "nvfp4", int4: "int4" };

const fromRates = new Map<string, OperatorProfile | null>();

/** Where an accelerator's operator times come from for an engine. */
export type OperatorBasis = "measured-kernels" | "microbenchmark" | "roofline";

/** The operator profile predictions use for an accelerator and engine, or null (roofline rates from the efficiency profile). */
export function operatorsFor(accelerator: Accelerator, engine: Engine): OperatorProfile | null {
  if (!KERNEL_ENGINES.has(engine)) return null;
  const framework = engine as Framework;
  const measured = operatorProfileFor(accelerator.id, framework);
  if (measured) return measured;
  const key = `${accelerator.id}:${framework}`;
  if (fromRates.has(key)) return fromRates.get(key)!;
  const bench = microbenchFor(accelerator.id);
  let profile: OperatorProfile | null = null;
  if (bench) {
    const gemmFlopsPerSecondByFormat: Partial<Record<KernelFormat, number>> = {};
    for (const g of bench.gemm) {
      const f = FORMAT_OF[g.format];
      if (f && !(gemmFlopsPerSecondByFormat[f]! >= g.achievedFlopsPerSecond)) gemmFlopsPerSecondByFormat[f] = g.achievedFlopsPerSecond;
    }
    if (Object.keys(gemmFlopsPerSecondByFormat).length > 0) {
      const first = bench.gemm[0]!.source;
      profile = profileFromRates({
        system: accelerator.id,
        acceleratorIds: [accelerator.id],
        framework,
        version: "microbenchmark",
        source: { url: first.url, retrievedDate: first.retrievedDate, note: `microbenchmark rates (src/catalog/microbench.ts): achieved GEMM per format and achieved memory bandwidth of ${accelerator.id}` },
        gemmFlopsPerSecondByFormat,
        memoryBytesPerSecond: bench.memoryBandwidth.achievedBytesPerSecond,
        launchSeconds: 5e-6,
      });
    }
  }
  fromRates.set(key, profile);
  return profile;
}

/** What operatorsFor will use, in words a table can show. */
export function operatorBasisOf(profile: OperatorProfile | null): OperatorBasis {
  if (!profile) return "roofline";
  return profile.basis === "microbenchmark" ? "microbenchmark" : "measured-kernels";
}
