// Achieved GEMM FLOP/s and memory bandwidth for accelerators without NVIDIA kernel tables: published measurements
// first; otherwise the datasheet peak times the fraction a named sibling measured (kind "derived", said in the note).
import type { Source } from "../core/hardware.js";
import { type AchievedBandwidth, type AchievedGemm, Microbench } from "../core/microbench.js";
import type { ComputePrecision } from "../core/precision.js";
import { GB, TERA } from "../core/units.js";
import { findAccelerator } from "./accelerators/index.js";

const RETRIEVED = "2026-12-04";

const MAMF: Source = {
  url: "https://github.com/stas00/ml-engineering/blob/master/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table",
  retrievedDate: RETRIEVED,
  note: "Maximum Achievable Matmul FLOPS (mamf-finder.py): mean of 100 iterations after 50 warm-up per shape, best shape of a brute-force search, cache reset between runs (v2 table).",
};
const MAMF_V1 = { ...MAMF, note: "mamf-finder v1 table (no cache reset between runs): MI250X one GCD 147.0 of 191.5 TFLOP/s (76.7%), ROCm 6.2." };
const ROCPROF_HBM: Source = {
  url: "https://github.com/ROCm/rocm-systems/pull/2934",
  retrievedDate: RETRIEVED,
  note: "rocprofiler-compute roofline test's expected measured HBM bandwidth: MI300X 3910.62 GB/s, MI325X 4287.31 GB/s (copy-based kernel; PR #8480 notes a read-only kernel reaches more).",
};
const MI350X_HBM: Source = {
  url: "https://github.com/ROCm/rocm-systems/pull/8480",
  retrievedDate: RETRIEVED,
  note: "TransferBench on MI350X (gfx950, 8 TB/s HBM3E, the MI355X's memory system): 7200 GB/s read bandwidth (90%).",
};
const GH200_OPENCL: Source = {
  url: "https://github.com/mredenti/PowerCapping/blob/HEAD/configuration/OpenCL_benchmark.md",
  retrievedDate: RETRIEVED,
  note: "ProjectPhysX OpenCL-Benchmark on a GH200 480GB (96 GB HBM3, 4.0 TB/s): coalesced read 3614.60 GB/s (90.4%), coalesced write 3704.77 GB/s.",
};
const RTX4090_TORCH: Source = {
  url: "https://github.com/zzc0721/torch-performance-test-data/issues/78",
  retrievedDate: RETRIEVED,
  note: "torch.matmul, PyTorch 2.7.0+cu128 (2025-10-17): BF16 160.17 TFLOP/s and FP16 155.50 at 8192^3 (164.81 BF16 at 2048^3, 168.38 FP16 at 4096^3: GeForce boost clocks run above the rated boost the datasheet peak assumes).",
};
const RTX5090_TORCH: Source = {
  url: "https://github.com/zzc0721/torch-performance-test-data/issues/200",
  retrievedDate: RETRIEVED,
  note: "torch.matmul, PyTorch 2.7.1+cu128, bare metal (2026-09-17): BF16 178.86 and FP16 179.02 TFLOP/s at 10240^3. Other runs in the same repository (issues #124, PR #15) reach ~237 BF16, above the 209.6 rated-boost dense peak, so the sustained clock matters more than on data-centre parts.",
};
const APPLE_PROFILE: Source = {
  url: "https://github.com/ggml-org/llama.cpp/discussions/4167",
  retrievedDate: RETRIEVED,
  note: "No published GEMM/STREAM measurement found for this chip; fractions are costcurve's apple-m efficiency profile (compute 0.505, bandwidth 0.581, src/catalog/efficiency.ts), fitted to llama.cpp's Apple Silicon tables (token generation at ~55-75% of unified-memory bandwidth).",
};
const XEON_PROFILE: Source = {
  url: "https://www.intel.com/content/www/us/en/developer/articles/technical/accelerate-llama-3-with-intel-amx.html",
  retrievedDate: RETRIEVED,
  note: "No published GEMM/STREAM measurement found for this part; assumed fractions as in costcurve's xeon profile note: AMX/VNNI GEMMs reach roughly half their theoretical peak, STREAM ~70-80% of the DDR5/MRDIMM peak (0.75 taken).",
};

/** Measured fractions used for derived rows (achieved / the source's own datasheet figure). */
const FRACTION = {
  h100SxmBf16: 794.5 / 989, // MAMF v2, torch 2.7.0+cu126
  h100SxmFp8: 1402.6 / 1979,
  a100PcieBf16: 252.9 / 312,
  mi250xBf16: 147.0 / 191.5,
  mi325xBf16: 784.9 / 1300,
  mi300xBf16: 668.4 / 1300,
  mi300xHbm: 3910.62 / 5300,
  mi350xHbm: 7200 / 8000,
  gh200Hbm3: 3614.6 / 4000,
  rtx4090Bf16: 160.17 / 165.2,
  appleCompute: 0.505,
  appleBandwidth: 0.581,
  xeonCompute: 0.5,
  xeonBandwidth: 0.75,
} as const;

function peakOf(id: string, format: ComputePrecision): number {
  const peak = findAccelerator(id)?.denseFlopsPerSecond[format];
  if (peak === undefined) throw new Error(`microbench: ${id} has no ${format} peak`);
  return peak;
}

function measured(format: ComputePrecision, teraFlopsPerSecond: number, source: Source): AchievedGemm {
  return { format, achievedFlopsPerSecond: teraFlopsPerSecond * TERA, kind: "measured", source };
}

/** Datasheet dense peak x a sibling's measured fraction; the note says so. */
function derived(id: string, format: ComputePrecision, fraction: number, siblingId: string | undefined, source: Source): AchievedGemm {
  const peak = peakOf(id, format);
  const note = `derived: ${id} datasheet dense ${format} ${(peak / TERA).toPrecision(4)} TFLOP/s x ${fraction.toFixed(3)}${siblingId ? ` measured on ${siblingId}` : " (assumed)"}. ${source.note ?? ""}`.trim();
  return { format, achievedFlopsPerSecond: peak * fraction, kind: "derived", derivation: { fraction, ...(siblingId ? { siblingId } : {}) }, source: { ...source, note } };
}

function measuredBandwidth(gigabytesPerSecond: number, source: Source): AchievedBandwidth {
  return { achievedBytesPerSecond: gigabytesPerSecond * GB, kind: "measured", source };
}

function derivedBandwidth(id: string, fraction: number, siblingId: string | undefined, source: Source): AchievedBandwidth {
  const peak = findAccelerator(id)?.memoryBandwidthBytesPerSecond;
  if (peak === undefined) throw new Error(`microbench: unknown accelerator ${id}`);
  const note = `derived: ${id} datasheet ${(peak / GB).toFixed(0)} GB/s x ${fraction.toFixed(3)}${siblingId ? ` measured on ${siblingId}` : " (assumed)"}. ${source.note ?? ""}`.trim();
  return { achievedBytesPerSecond: peak * fraction, kind: "derived", derivation: { fraction, ...(siblingId ? { siblingId } : {}) }, source: { ...source, note } };
}

/** GEMM rows derived for every listed format from one sibling fraction. */
function derivedAll(id: string, formats: ComputePrecision[], fraction: number, siblingId: string | undefined, source: Source): AchievedGemm[] {
  return formats.map((f) => derived(id, f, fraction, siblingId, source));
}

const HOPPER_HBM = (id: string) => derivedBandwidth(id, FRACTION.gh200Hbm3, "GH200 480GB (96 GB HBM3)", GH200_OPENCL);
const GEFORCE_GDDR = (id: string) => derivedBandwidth(id, FRACTION.gh200Hbm3, "GH200 480GB (HBM3; no GDDR measurement found)", GH200_OPENCL);
const APPLE_ROW = (id: string): Microbench => ({
  acceleratorId: id,
  gemm: derivedAll(id, ["fp16", "fp32"], FRACTION.appleCompute, undefined, APPLE_PROFILE),
  memoryBandwidth: derivedBandwidth(id, FRACTION.appleBandwidth, undefined, APPLE_PROFILE),
});

const ROWS: Microbench[] = [
  // AMD Instinct
  {
    acceleratorId: "mi210",
    gemm: derivedAll("mi210", ["bf16", "fp16"], FRACTION.mi250xBf16, "MI250X (one GCD, CDNA2)", MAMF_V1),
    memoryBandwidth: derivedBandwidth("mi210", FRACTION.mi300xHbm, "mi300x", ROCPROF_HBM),
  },
  {
    acceleratorId: "mi300x",
    gemm: [
      measured("bf16", 668.4, { ...MAMF, note: `${MAMF.note} MI300X BF16 668.4 TFLOP/s (51.4% of 1300), torch 2.5.1+ROCm 6.3, PYTORCH_TUNABLEOP_ENABLED=1.` }),
      derived("mi300x", "fp8", FRACTION.mi300xBf16, "mi300x (its own BF16 MAMF; no FP8 MAMF published)", MAMF),
    ],
    memoryBandwidth: measuredBandwidth(3910.62, ROCPROF_HBM),
  },
  {
    acceleratorId: "mi325x",
    gemm: [
      measured("bf16", 784.9, { ...MAMF, note: `${MAMF.note} MI325X (1000 W) BF16 784.9 TFLOP/s (60.4% of 1300), torch 2.6.0+ROCm 6.2.4, PYTORCH_TUNABLEOP_ENABLED=1.` }),
      derived("mi325x", "fp8", FRACTION.mi325xBf16, "mi325x (its own BF16 MAMF; no FP8 MAMF published)", MAMF),
    ],
    memoryBandwidth: measuredBandwidth(4287.31, ROCPROF_HBM),
  },
  {
    acceleratorId: "mi355x",
    gemm: derivedAll("mi355x", ["bf16", "fp8"], FRACTION.mi325xBf16, "mi325x (BF16 MAMF)", MAMF),
    memoryBandwidth: derivedBandwidth("mi355x", FRACTION.mi350xHbm, "MI350X (same 8 TB/s HBM3E)", MI350X_HBM),
  },
  // Apple M-series (unified memory)
  APPLE_ROW("apple-m1-max"),
  APPLE_ROW("apple-m2-ultra"),
  APPLE_ROW("apple-m3-max"),
  APPLE_ROW("apple-m4-max"),
  // Intel Xeon
  {
    acceleratorId: "xeon-6980p",
    gemm: derivedAll("xeon-6980p", ["bf16", "int8"], FRACTION.xeonCompute, undefined, XEON_PROFILE),
    memoryBandwidth: derivedBandwidth("xeon-6980p", FRACTION.xeonBandwidth, undefined, XEON_PROFILE),
  },
  {
    acceleratorId: "xeon-cascade-lake-16vcpu",
    gemm: derivedAll("xeon-cascade-lake-16vcpu", ["fp32", "int8"], FRACTION.xeonCompute, undefined, XEON_PROFILE),
    memoryBandwidth: derivedBandwidth("xeon-cascade-lake-16vcpu", FRACTION.xeonBandwidth, undefined, XEON_PROFILE),
  },
  // NVIDIA consumer (GeForce: FP32-accumulate tensor rate is half the FP16-accumulate rate; peaks are the former)
  {
    acceleratorId: "rtx-3090",
    gemm: derivedAll("rtx-3090", ["bf16", "fp16"], FRACTION.rtx4090Bf16, "rtx-4090", RTX4090_TORCH),
    memoryBandwidth: GEFORCE_GDDR("rtx-3090"),
  },
  {
    acceleratorId: "rtx-3090-ti",
    gemm: derivedAll("rtx-3090-ti", ["bf16", "fp16"], FRACTION.rtx4090Bf16, "rtx-4090", RTX4090_TORCH),
    memoryBandwidth: GEFORCE_GDDR("rtx-3090-ti"),
  },
  {
    acceleratorId: "rtx-4090",
    gemm: [measured("bf16", 160.17, RTX4090_TORCH), measured("fp16", 155.5, RTX4090_TORCH), derived("rtx-4090", "fp8", FRACTION.rtx4090Bf16, "rtx-4090 (its own BF16)", RTX4090_TORCH)],
    memoryBandwidth: GEFORCE_GDDR("rtx-4090"),
  },
  {
    acceleratorId: "rtx-5090",
    gemm: [measured("bf16", 178.86, RTX5090_TORCH), measured("fp16", 179.02, RTX5090_TORCH), derived("rtx-5090", "fp8", 178.86 / 209.6, "rtx-5090 (its own BF16)", RTX5090_TORCH)],
    memoryBandwidth: GEFORCE_GDDR("rtx-5090"),
  },
  // NVIDIA data-centre parts without kernel tables
  {
    acceleratorId: "l4",
    gemm: derivedAll("l4", ["bf16", "fp8", "int8"], FRACTION.a100PcieBf16, "a100-pcie-80gb (BF16 MAMF; L4's 72 W limit likely throttles lower)", MAMF),
    memoryBandwidth: GEFORCE_GDDR("l4"),
  },
  {
    acceleratorId: "a100-pcie-80gb",
    gemm: [measured("bf16", 252.9, { ...MAMF, note: `${MAMF.note} A100 PCIe BF16 252.9 TFLOP/s (81.1% of 312), torch 2.5.1+cu124.` }), derived("a100-pcie-80gb", "int8", FRACTION.a100PcieBf16, "a100-pcie-80gb (its own BF16)", MAMF)],
    memoryBandwidth: HOPPER_HBM("a100-pcie-80gb"),
  },
  ...(["h100-pcie", "h100-nvl", "h200-nvl"] as const).map(
    (id): Microbench => ({
      acceleratorId: id,
      gemm: [derived(id, "bf16", FRACTION.h100SxmBf16, "h100-sxm", MAMF), derived(id, "fp8", FRACTION.h100SxmFp8, "h100-sxm", MAMF)],
      memoryBandwidth: HOPPER_HBM(id),
    }),
  ),
  {
    acceleratorId: "gh200",
    gemm: [
      measured("bf16", 828.6, { ...MAMF, note: `${MAMF.note} GH200 (900 W, 141 GB HBM3e) BF16 828.6 TFLOP/s (83.6% of 989), torch 2.6.0+cu126.` }),
      measured("fp8", 1535.0, { ...MAMF, note: `${MAMF.note} GH200 (900 W, 141 GB HBM3e) FP8 e4m3 1535.0 TFLOP/s (77.6% of 1979).` }),
    ],
    memoryBandwidth: HOPPER_HBM("gh200"),
  },
];

/** Every microbenchmark row, parsed at load (a bad row fails at import). */
export const MICROBENCH: readonly Microbench[] = Object.freeze(ROWS.map((row) => Microbench.parse(row)));

const BY_ID = new Map(MICROBENCH.map((m) => [m.acceleratorId, m]));
if (BY_ID.size !== MICROBENCH.length) throw new Error("microbench catalog: duplicate accelerator ids");

/** The microbenchmark figures for an accelerator id, or undefined when the catalog has none. */
export function microbenchFor(acceleratorId: string): Microbench | undefined {
  return BY_ID.get(acceleratorId);
}
