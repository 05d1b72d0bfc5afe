import type { Accelerator } from "../../core/hardware.js";
import { GB, TB, TERA } from "../../core/units.js";
import { IB_NDR_400, NVLINK4, NVLINK4_BRIDGE_600, NVLINK4_BRIDGE_900, PCIE5_X16, ROCE_200, scaleUp } from "./links.js";
import {
  AWS_P5,
  AWS_P5_RESERVED,
  CLIFFCENTER_AMD,
  DEPLOYBASE_RUNPOD,
  NCCL_H100_LATENCY,
  PACKET_AI,
  SPHERON_BLACKWELL,
  SPHERON_RUNPOD_H100,
  TECHPLAINED_8XH100,
  TENSOR_ECONOMICS,
  VAST_FAIRLANE,
  VAST_USAGEPRICING,
  RETRIEVED_DATE,
  rent,
  source,
} from "./sources.js";

// NVIDIA datasheets print tensor peaks "with sparsity"; every figure below is that number halved.
const H100_PAGE = source(
  "https://www.nvidia.com/en-us/data-center/h100/",
  "H100 SXM/PCIe/NVL spec table (figure from vendor datasheet): SXM bf16 1,979 / fp8 3,958 / tf32 989 TFLOPS with sparsity -> 989.5 / 1,979 / 494.5 dense; PCIe 1,513 / 3,026 / 756 -> 756.5 / 1,513 / 378; NVL 1,671 / 3,341 / 835 -> 835.5 / 1,670.5 / 417.5. Memory 80 / 80 / 94 GB at 3.35 / 2.0 / 3.9 TB/s; 700 / 350 / 400 W; NVLink 900 GB/s (SXM), 600 GB/s bridge (PCIe, NVL).",
);
const H100_KLOCKWOOD = source("https://glennklockwood.com/garden/processors/h100", "Dense matrix peaks for H100 SXM5: bf16/fp16 989.4, fp8/int8 1978.9, tf32 494.7 TFLOPS; FP32 66.9; 3.35 TB/s; 900 GB/s NVLink (450 per direction); 700 W.");
const H100_PCIE_BRIEF = source("https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd", "NVIDIA H100 PCIe product brief PB-11133-001: 350 W TDP, >2,000 GB/s, PCIe Gen5 x16, NVLink bridge pairs.");
const H200_PAGE = source(
  "https://www.nvidia.com/en-us/data-center/h200/",
  "H200 SXM/NVL spec table (figure from vendor datasheet): 141 GB HBM3e at 4.8 TB/s; SXM same tensor peaks as H100 SXM (bf16 1,979 sparse -> 989.5 dense), 700 W; NVL bf16 1,671 / fp8 3,341 sparse -> 835.5 / 1,670.5 dense, up to 600 W, 2- or 4-way NVLink bridge 900 GB/s.",
);
const H200_WIKI = source("https://aiwiki.ai/wiki/nvidia_h200/raw", "H200: 141 GB HBM3e at 4.8 TB/s on SXM and NVL boards, same GH100 silicon as H100; announced 2023-11-13, first shipments Q2 2024.");
const GH200_PAGE = source(
  "https://aiwiki.ai/wiki/nvidia_gh200",
  "GH200 Grace Hopper: 72-core Grace + Hopper GPU over NVLink-C2C; HBM3e variant has 144 GB at 4.9 TB/s (figure from vendor datasheet, https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/); module power configurable 450-1000 W including CPU and LPDDR5X.",
);

/** H100 SXM dense tensor peaks (Hopper, 132 SMs at 1.83 GHz boost). */
const HOPPER_SXM_PEAKS = {
  fp32: 66.9 * TERA,
  tf32: 494.7 * TERA,
  bf16: 989.4 * TERA,
  fp16: 989.4 * TERA,
  fp8: 1978.9 * TERA,
  int8: 1978.9 * TERA,
};
/** H100 NVL / H200 NVL per-GPU dense peaks (lower clocks at 350-600 W). */
const HOPPER_NVL_PEAKS = {
  fp32: 60 * TERA,
  tf32: 417.5 * TERA,
  bf16: 835.5 * TERA,
  fp16: 835.5 * TERA,
  fp8: 1670.5 * TERA,
  int8: 1670.5 * TERA,
};

export const NVIDIA_HOPPER = [
  {
    id: "h100-sxm",
    name: "NVIDIA H100 SXM5 80GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "hopper",
    releaseDate: "2022-09",
    denseFlopsPerSecond: HOPPER_SXM_PEAKS,
    memoryBytes: 80 * GB,
    memoryBandwidthBytesPerSecond: 3.35 * TB,
    scaleUp: scaleUp(NVLINK4, 8),
    scaleOut: IB_NDR_400,
    tdpWatts: 700,
    rental: [
      rent("on-demand", 2.0, "Tensor Economics reference", "2025-09-24", TENSOR_ECONOMICS),
      rent("on-demand", 12.29, "AWS (p5.48xlarge / 8)", "2026-03-31", AWS_P5),
      rent("reserved", 52 / 8, "AWS (p5.48xlarge 1-year reserved, partial upfront / 8)", "2026-03-31", AWS_P5_RESERVED),
      rent("reserved", 1.85, "Lambda", "2026-04-01", TECHPLAINED_8XH100),
      rent("spot", 1.52, "Vast.ai", "2026-04-01", TECHPLAINED_8XH100),
      rent("on-demand", 2.99, "Lambda", "2026-05-18", CLIFFCENTER_AMD),
      rent("on-demand", 2.69, "RunPod Secure Cloud", "2026-05-22", SPHERON_RUNPOD_H100),
    ],
    sources: [H100_PAGE, H100_KLOCKWOOD, NCCL_H100_LATENCY],
  },
  {
    id: "h100-pcie",
    name: "NVIDIA H100 PCIe 80GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "hopper",
    releaseDate: "2022-10",
    denseFlopsPerSecond: {
      fp32: 51 * TERA,
      tf32: 378 * TERA,
      bf16: 756.5 * TERA,
      fp16: 756.5 * TERA,
      fp8: 1513 * TERA,
      int8: 1513 * TERA,
    },
    memoryBytes: 80 * GB,
    memoryBandwidthBytesPerSecond: 2.0 * TB,
    scaleUp: scaleUp(PCIE5_X16, 8),
    scaleOut: ROCE_200,
    tdpWatts: 350,
    rental: [rent("spot", 1.99, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 2.79, "RunPod Secure Cloud", "2026-05-22", SPHERON_RUNPOD_H100)],
    sources: [H100_PAGE, H100_PCIE_BRIEF, source("https://www.nvidia.com/en-us/data-center/h100/", "Scale-up modelled as PCIe Gen5 x16 across an 8-GPU server; NVLink bridges (600 GB/s) only pair two cards.")],
  },
  {
    id: "h100-nvl",
    name: "NVIDIA H100 NVL 94GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "hopper",
    releaseDate: "2023-03",
    denseFlopsPerSecond: HOPPER_NVL_PEAKS,
    memoryBytes: 94 * GB,
    memoryBandwidthBytesPerSecond: 3.9 * TB,
    scaleUp: scaleUp(NVLINK4_BRIDGE_600, 2),
    scaleOut: ROCE_200,
    tdpWatts: 400,
    rental: [rent("on-demand", 2.525, "Vast.ai", "2026-06-01", VAST_USAGEPRICING)],
    sources: [H100_PAGE, source("https://gpu.blog/gpus/nvidia-h100-nvl", "H100 NVL: 94 GB HBM3 per GPU, PCIe card paired by NVLink bridge, 350-400 W configurable.")],
  },
  {
    id: "h200-sxm",
    name: "NVIDIA H200 SXM 141GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "hopper",
    releaseDate: "2024-05",
    denseFlopsPerSecond: HOPPER_SXM_PEAKS,
    memoryBytes: 141 * GB,
    memoryBandwidthBytesPerSecond: 4.8 * TB,
    scaleUp: scaleUp(NVLINK4, 8),
    scaleOut: IB_NDR_400,
    tdpWatts: 700,
    rental: [
      rent("spot", 3.59, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD),
      rent("on-demand", 4.54, "Spheron", "2026-03-17", SPHERON_BLACKWELL),
      rent("on-demand", 3.5, "Vast.ai", "2026-05-01", VAST_FAIRLANE),
      rent("on-demand", 2.25, "packet.ai", "2026-06-01", PACKET_AI),
    ],
    sources: [H200_PAGE, H200_WIKI, H100_KLOCKWOOD],
  },
  {
    id: "h200-nvl",
    name: "NVIDIA H200 NVL 141GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "hopper",
    releaseDate: "2024-11",
    denseFlopsPerSecond: HOPPER_NVL_PEAKS,
    memoryBytes: 141 * GB,
    memoryBandwidthBytesPerSecond: 4.8 * TB,
    scaleUp: scaleUp(NVLINK4_BRIDGE_900, 4),
    scaleOut: ROCE_200,
    tdpWatts: 600,
    rental: [rent("on-demand", 3.5, "Vast.ai (H200 listing, form factor unstated; proxy)", "2026-05-01", VAST_FAIRLANE)],
    sources: [
      H200_PAGE,
      H200_WIKI,
      source("https://www.nvidia.com/en-us/data-center/h200/", "No H200 NVL-specific hourly listing found; the Vast.ai H200 row is a proxy. Scale-up: 4-way NVLink bridge (900 GB/s bidirectional = 450 GB/s per direction)."),
    ],
  },
  {
    id: "gh200",
    name: "NVIDIA GH200 Grace Hopper 144GB HBM3e",
    vendor: "nvidia",
    kind: "gpu",
    family: "hopper",
    releaseDate: "2024-06",
    denseFlopsPerSecond: HOPPER_SXM_PEAKS,
    memoryBytes: 144 * GB,
    memoryBandwidthBytesPerSecond: 4.9 * TB,
    scaleUp: scaleUp(NVLINK4, 1),
    scaleOut: IB_NDR_400,
    tdpWatts: 1000,
    rental: [rent("on-demand", 1.49, "Lambda (1x GH200)", RETRIEVED_DATE, source("https://lambda.ai/pricing", "1x GH200 on-demand $1.49/h (figure from vendor pricing page; 96 GB HBM3 variant, used as the price of the 144 GB part)."))],
    sources: [
      GH200_PAGE,
      H100_KLOCKWOOD,
      source(
        "https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/",
        "Hopper GPU peaks equal H100 SXM (figure from vendor datasheet). tdpWatts is the whole 1000 W module incl. Grace CPU and LPDDR5X. Cloud GH200 nodes are single superchips, so domainSize 1 (NVL32 racks exist but are rare).",
      ),
    ],
  },
] satisfies Accelerator[];
