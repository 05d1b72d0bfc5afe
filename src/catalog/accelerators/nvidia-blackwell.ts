// NVIDIA Blackwell datacenter rows (B200, GB200, B300, GB300): dense peaks, memory, NVLink 5 domains, prices, sources.
import type { Accelerator } from "../../core/hardware.js";
import { GB, TB, TERA } from "../../core/units.js";
import { IB_NDR_400, IB_XDR_800, NVLINK5, scaleUp } from "./links.js";
import { DEPLOYBASE_RUNPOD, NCCL_H100_LATENCY, ORNN_B200_B300, PACKET_AI, RETRIEVED_DATE, SPHERON_BLACKWELL, VAST_USAGEPRICING, rent, source } from "./sources.js";

const B200_KLOCKWOOD = source(
  "https://glennklockwood.com/garden/processors/B200",
  "Dense peaks: HGX B200 at 1,000 W: FP32 80, tf32 1,100, bf16 2,250, fp8/int8 4,500, fp4 9,000 TFLOPS; GB200 variant at 1,200 W: FP32 90, tf32 1,250, bf16 2,500, fp8/int8 5,000, fp4 10,000 TFLOPS (sparse column is 2x). 8 TB/s, 2x 900 GB/s NVLink 5 (900 per direction).",
);
const B200_VULTR = source(
  "https://docs.vultr.com/inference-cookbook/cuda/getting-started/hardware-overview",
  "HGX B200 as deployed: 179 GB HBM3e visible per GPU (180 GB nominal, 1,440 GB per 8-GPU DGX), 8.0 TB/s, 1000 W, NVSwitch 5 all-to-all (NV18), 1.8 TB/s bidirectional per GPU.",
);
const GB200_NVL72 = source(
  "https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
  "GB200 NVL72 rack (figure from vendor datasheet): fp4 1,440 PF / fp8 720 PF / bf16 360 PF with sparsity -> per GPU dense 10 / 5 / 2.5 PF; HBM3e 13.4 TB at 576 TB/s -> 186 GB and 8 TB/s per GPU; NVLink 130 TB/s (1.8 TB/s bidirectional = 900 GB/s per direction per GPU); one ConnectX-7 400 Gb/s NIC per GPU.",
);
const GB200_186 = source("https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200", "GB200 superchip: 372 GB HBM3e = 2 x 186 GB; MLPerf v5.1 submissions name the part GB200-186GB.");
const ULTRA_VERDA = source(
  "https://verda.com/blog/gb300-nvl72-architecture",
  "Per-GPU dense (without sparsity) table: GB300 fp4 15, fp8 5, bf16 2.5, tf32 1.25, FP32 0.080 PF, int8 0.165 POPS, 1.4 kW; B300 fp4 14, fp8 4.5, bf16 2.25, tf32 1.1, FP32 0.075 PF, int8 0.15 POPS, 1.1 kW; 8 TB/s; NVLink 5 900 GB/s unidirectional. Visible memory 279 GB (GB300) / 270 GB (B300) of 288 GB nominal.",
);
const ULTRA_NVIDIA_BLOG = source(
  "https://developer.nvidia.com/blog/inside-nvidia-blackwell-ultra-the-chip-powering-the-ai-factory-era",
  "Blackwell Ultra: 160 SMs, 640 tensor cores, 15 PF dense NVFP4, 288 GB HBM3E at 8 TB/s, NVLink 5 1.8 TB/s bidirectional.",
);
const ULTRA_TOMS = source(
  "https://www.tomshardware.com/pc-components/gpus/nvidia-shares-blackwell-ultras-secrets-nvfp4-boost-detailed-and-pcie-6-0-support",
  "Hot Chips 2025: Blackwell Ultra trades INT8 and FP64 throughput for +50% dense NVFP4; 288 GB HBM3E; 1,400 W (GB300).",
);
const CX8_NOTE = source("https://glennklockwood.com/garden/processors/B300", "GB300 NVL72: 1.1 EF dense FP4, 360 PF FP8, 20 TB HBM at 576 TB/s, 72 ConnectX-8 NICs (800 Gb/s per GPU). HGX/DGX B300 also ships one ConnectX-8 per GPU.");

export const NVIDIA_BLACKWELL = [
  {
    id: "b200",
    name: "NVIDIA B200 (HGX, 1000 W)",
    vendor: "nvidia",
    kind: "gpu",
    family: "blackwell",
    releaseDate: "2024-12",
    denseFlopsPerSecond: {
      fp32: 80 * TERA,
      tf32: 1100 * TERA,
      bf16: 2250 * TERA,
      fp16: 2250 * TERA,
      fp8: 4500 * TERA,
      int8: 4500 * TERA,
      fp4: 9000 * TERA,
    },
    memoryBytes: 180 * GB,
    memoryBandwidthBytesPerSecond: 8 * TB,
    scaleUp: scaleUp(NVLINK5, 8),
    scaleOut: IB_NDR_400,
    tdpWatts: 1000,
    purchaseUsd: 50_000,
    rental: [
      rent("spot", 5.98, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD),
      rent("on-demand", 6.03, "Spheron", "2026-03-17", SPHERON_BLACKWELL),
      rent("on-demand", 4.492, "Vast.ai", "2026-06-01", VAST_USAGEPRICING),
      rent("on-demand", 3.75, "packet.ai", "2026-06-01", PACKET_AI),
      rent("on-demand", 4.5, "neocloud median (Ornn index)", RETRIEVED_DATE, ORNN_B200_B300),
    ],
    sources: [B200_KLOCKWOOD, B200_VULTR, ORNN_B200_B300, NCCL_H100_LATENCY],
  },
  {
    id: "gb200",
    name: "NVIDIA GB200 NVL72 (per Blackwell GPU, 1200 W)",
    vendor: "nvidia",
    kind: "gpu",
    family: "blackwell",
    releaseDate: "2024-12",
    denseFlopsPerSecond: {
      fp32: 90 * TERA,
      tf32: 1250 * TERA,
      bf16: 2500 * TERA,
      fp16: 2500 * TERA,
      fp8: 5000 * TERA,
      int8: 5000 * TERA,
      fp4: 10000 * TERA,
    },
    memoryBytes: 186 * GB,
    memoryBandwidthBytesPerSecond: 8 * TB,
    scaleUp: scaleUp(NVLINK5, 72),
    scaleOut: IB_NDR_400,
    tdpWatts: 1200,
    purchaseUsd: 48_000,
    rental: [rent("on-demand", 9.08 / 2, "Spheron (GB200 superchip $9.08/h / 2 GPUs)", "2026-03-17", SPHERON_BLACKWELL)],
    sources: [GB200_NVL72, B200_KLOCKWOOD, GB200_186, source(ORNN_B200_B300.url, "purchaseUsd: GB200 NVL72 rack $3.0-3.9M midpoint $3.45M / 72 GPUs = ~$48k per GPU incl. its share of Grace, switches and rack.")],
  },
  {
    id: "b300",
    name: "NVIDIA B300 Blackwell Ultra (HGX, 1100 W)",
    vendor: "nvidia",
    kind: "gpu",
    family: "blackwell",
    releaseDate: "2025-10",
    denseFlopsPerSecond: {
      fp32: 75 * TERA,
      tf32: 1100 * TERA,
      bf16: 2250 * TERA,
      fp16: 2250 * TERA,
      fp8: 4500 * TERA,
      int8: 150 * TERA,
      fp4: 14000 * TERA,
    },
    memoryBytes: 288 * GB,
    memoryBandwidthBytesPerSecond: 8 * TB,
    scaleUp: scaleUp(NVLINK5, 8),
    scaleOut: IB_XDR_800,
    tdpWatts: 1100,
    purchaseUsd: 53_000,
    rental: [rent("on-demand", 5.0, "neocloud low end (Ornn index)", RETRIEVED_DATE, ORNN_B200_B300)],
    sources: [
      ULTRA_VERDA,
      ULTRA_NVIDIA_BLOG,
      ULTRA_TOMS,
      CX8_NOTE,
      source(ULTRA_VERDA.url, "int8 is 0.15 POPS dense on Blackwell Ultra (the tensor cores dropped most INT8 throughput); int8 kernels should use fp8 instead. memoryBytes is the 288 GB nominal capacity (270 GB visible)."),
    ],
  },
  {
    id: "gb300",
    name: "NVIDIA GB300 NVL72 (per Blackwell Ultra GPU, 1400 W)",
    vendor: "nvidia",
    kind: "gpu",
    family: "blackwell",
    releaseDate: "2025-09",
    denseFlopsPerSecond: {
      fp32: 80 * TERA,
      tf32: 1250 * TERA,
      bf16: 2500 * TERA,
      fp16: 2500 * TERA,
      fp8: 5000 * TERA,
      int8: 165 * TERA,
      fp4: 15000 * TERA,
    },
    memoryBytes: 288 * GB,
    memoryBandwidthBytesPerSecond: 8 * TB,
    scaleUp: scaleUp(NVLINK5, 72),
    scaleOut: IB_XDR_800,
    tdpWatts: 1400,
    purchaseUsd: 60_000,
    rental: [rent("on-demand", 7.25, "proxy: B300 neocloud high end (Ornn index); no GB300 per-GPU listing found", RETRIEVED_DATE, ORNN_B200_B300)],
    sources: [ULTRA_VERDA, ULTRA_NVIDIA_BLOG, ULTRA_TOMS, CX8_NOTE, source(ORNN_B200_B300.url, "purchaseUsd: GB300 NVL72 rack $3.7-5.0M midpoint $4.35M / 72 = ~$60k per GPU. memoryBytes is the 288 GB nominal (279 GB visible).")],
  },
] satisfies Accelerator[];
