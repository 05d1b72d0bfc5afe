// NVIDIA Ampere and Ada datacenter rows (A100 SXM/PCIe, L40S, L4): dense peaks, memory, links, prices, sources.
import type { Accelerator } from "../../core/hardware.js";
import { GB, TB, TERA } from "../../core/units.js";
import { ETH_100, IB_HDR_200, NVLINK3, PCIE4_X16, ROCE_200, scaleUp } from "./links.js";
import { DEPLOYBASE_RUNPOD, NCCL_A100_LATENCY, NCCL_PCIE_LATENCY, RETRIEVED_DATE, RUNPOD_SERVERLESS, VAST_FAIRLANE, VAST_USAGEPRICING, rent, source } from "./sources.js";

const A100_DATASHEET = source(
  "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf",
  "A100 datasheet (figure from vendor datasheet): tf32 156, bf16/fp16 312, int8 624, int4 1,248 dense (twice that with sparsity); FP32 19.5 TFLOPS; NVLink 600 GB/s bidirectional (300 per direction); PCIe Gen4.",
);
const A100_KLOCKWOOD = source("https://glennklockwood.com/garden/processors/A100", "A100 40G SXM4: 40 GB HBM2 at 1.555 TB/s, 400 W; 80G: 80 GB HBM2e at 2.039 TB/s, same FLOPS; dense matrix tf32 156, bf16 312, int8 624, int4 1248 TFLOPS.");
const A100_VARIANTS = source("https://www.thundercompute.com/blog/nvidia-a100-specs-full-guide", "A100 variants: PCIe 80GB 1,935 GB/s at 300 W (PCIe 4.0 x16); SXM 80GB 2,039 GB/s at 400 W; SXM/PCIe 40GB 1,555 GB/s.");
const L40S_DATASHEET = source(
  "https://www.mullet.se/product.html?product_id=355414",
  "L40S datasheet table: 48 GB GDDR6 at 864 GB/s, PCIe Gen4 x16 (64 GB/s bidirectional), 350 W; FP32 91.6; tf32 183 / 366*, bf16 362.05 / 733*, fp8 733 / 1,466* TFLOPS (* = with sparsity).",
);
const L4_SPECS = source(
  "https://grokipedia.com/page/NVIDIA_L4_vs_L40S",
  "L4: 72 W, 24 GB GDDR6 at 300 GB/s; fp16 242 TFLOPS and fp8/int8 485 with sparsity -> 121 / 242.5 dense (figure from vendor datasheet https://www.nvidia.com/en-us/data-center/l4/: FP32 30.3, tf32 120 sparse).",
);
const ADA_INT4 = source("https://hmc-tech.com/gpu/nvidia-l40s-vs-nvidia-tesla-p4", "L40S dense tensor rates: int8 732.86 TOPS, int4 1.47 POPS dense (FP32-accumulate equals FP16-accumulate on the datacenter part).");

const AMPERE_PEAKS = {
  fp32: 19.5 * TERA,
  tf32: 156 * TERA,
  bf16: 312 * TERA,
  fp16: 312 * TERA,
  int8: 624 * TERA,
  int4: 1248 * TERA,
};

export const NVIDIA_AMPERE_ADA = [
  {
    id: "a100-sxm-80gb",
    name: "NVIDIA A100 SXM4 80GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ampere",
    releaseDate: "2020-11-16",
    denseFlopsPerSecond: AMPERE_PEAKS,
    memoryBytes: 80 * GB,
    memoryBandwidthBytesPerSecond: 2.039 * TB,
    scaleUp: scaleUp(NVLINK3, 8),
    scaleOut: IB_HDR_200,
    tdpWatts: 400,
    rental: [rent("spot", 1.39, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 2.45, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 1.166, "Vast.ai (A100 80GB)", "2026-06-01", VAST_USAGEPRICING)],
    sources: [A100_DATASHEET, A100_KLOCKWOOD, A100_VARIANTS, NCCL_A100_LATENCY],
  },
  {
    id: "a100-pcie-80gb",
    name: "NVIDIA A100 PCIe 80GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ampere",
    releaseDate: "2021-06-28",
    denseFlopsPerSecond: AMPERE_PEAKS,
    memoryBytes: 80 * GB,
    memoryBandwidthBytesPerSecond: 1.935 * TB,
    scaleUp: scaleUp(PCIE4_X16, 8),
    scaleOut: ROCE_200,
    tdpWatts: 300,
    rental: [rent("spot", 1.19, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 2.1, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD)],
    sources: [A100_DATASHEET, A100_VARIANTS, NCCL_PCIE_LATENCY],
  },
  {
    id: "a100-sxm-40gb",
    name: "NVIDIA A100 SXM4 40GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ampere",
    releaseDate: "2020-05-14",
    denseFlopsPerSecond: AMPERE_PEAKS,
    memoryBytes: 40 * GB,
    memoryBandwidthBytesPerSecond: 1.555 * TB,
    scaleUp: scaleUp(NVLINK3, 8),
    scaleOut: IB_HDR_200,
    tdpWatts: 400,
    rental: [rent("spot", 0.4, "Vast.ai (interruptible, from)", "2026-05-01", VAST_FAIRLANE)],
    sources: [A100_DATASHEET, A100_KLOCKWOOD, NCCL_A100_LATENCY],
  },
  {
    id: "l40s",
    name: "NVIDIA L40S 48GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ada",
    releaseDate: "2023-10",
    denseFlopsPerSecond: {
      fp32: 91.6 * TERA,
      tf32: 183 * TERA,
      bf16: 362.05 * TERA,
      fp16: 362.05 * TERA,
      fp8: 733 * TERA,
      int8: 733 * TERA,
      int4: 1466 * TERA,
    },
    memoryBytes: 48 * GB,
    memoryBandwidthBytesPerSecond: 864 * GB,
    scaleUp: scaleUp(PCIE4_X16, 8),
    scaleOut: ROCE_200,
    tdpWatts: 350,
    rental: [
      rent("spot", 0.79, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD),
      rent("on-demand", 1.4, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD),
      rent("on-demand", 0.00053 * 3600, "RunPod Serverless (flex, $0.00053/s)", RETRIEVED_DATE, RUNPOD_SERVERLESS),
    ],
    sources: [L40S_DATASHEET, ADA_INT4, NCCL_PCIE_LATENCY],
  },
  {
    id: "l4",
    name: "NVIDIA L4 24GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ada",
    releaseDate: "2023-03",
    denseFlopsPerSecond: {
      fp32: 30.3 * TERA,
      tf32: 60 * TERA,
      bf16: 121 * TERA,
      fp16: 121 * TERA,
      fp8: 242.5 * TERA,
      int8: 242.5 * TERA,
      int4: 485 * TERA,
    },
    memoryBytes: 24 * GB,
    memoryBandwidthBytesPerSecond: 300 * GB,
    scaleUp: scaleUp(PCIE4_X16, 8),
    scaleOut: ETH_100,
    tdpWatts: 72,
    rental: [rent("spot", 0.44, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 0.78, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD)],
    sources: [L4_SPECS, source("https://hmc-tech.com/gpu/nvidia-l4-vs-nvidia-l40", "L4 dense tensor rates at 2.04 GHz: int4 501 TOPS = 2x int8; the catalog scales the datasheet's int8 242.5 by the same 2x (int4 485).")],
  },
] satisfies Accelerator[];
