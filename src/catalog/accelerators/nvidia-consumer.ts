// NVIDIA GeForce and workstation rows (RTX 3090/3090 Ti/4090/5090, RTX PRO 6000): fp32-accumulate tensor peaks.
import type { Accelerator } from "../../core/hardware.js";
import { GB, TERA } from "../../core/units.js";
import { PCIE4_X16, PCIE5_X16, ROCE_200, scaleUp } from "./links.js";
import { DEPLOYBASE_RUNPOD, NCCL_PCIE_LATENCY, PACKET_AI, TENSOR_ECONOMICS, VAST_FAIRLANE, VAST_USAGEPRICING, rent, source } from "./sources.js";

// GeForce cards run FP16/BF16 (and Ada FP8) tensor math at half rate when accumulating in FP32, which is what
// PyTorch, vLLM and llama.cpp use; the peaks below are those FP32-accumulate rates (FP16-accumulate is 2x).
// Scale-up is PCIe between the two cards of a typical workstation; there is no scale-out network.

const GA102_WHITEPAPER = source(
  "https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf",
  "GA102 whitepaper (figure from vendor whitepaper): RTX 3090 FP16/BF16 tensor with FP32 accumulate 71 TFLOPS dense (142 sparse; FP16 accumulate 142 dense); TF32 35.6; INT8 284; INT4 568 TOPS; FP32 35.6; 82 SMs at 1.695 GHz; 936 GB/s; 350 W.",
);
const GA102_3090TI = source(
  "https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3090-3090ti/",
  "RTX 3090 Ti (figure from vendor page): 84 SMs, 10,752 CUDA cores, 1.86 GHz boost, 24 GB GDDR6X at 21 Gbps x 384 bit = 1,008 GB/s, 450 W. Peaks derived from the GA102 per-SM rate: 84 SMs x 1.86 GHz x 512 FLOP/clk (FP32-accumulate FP16) = 80.0 TFLOPS; FP32 84 x 128 x 2 x 1.86 GHz = 40.0.",
);
const ADA_WHITEPAPER = source(
  "https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf",
  "Ada whitepaper (figure from vendor whitepaper): RTX 4090 FP16/BF16 tensor with FP32 accumulate 165.2 TFLOPS dense (330.4 sparse); FP8 with FP32 accumulate 330.3; INT8 660.6; INT4 1,321.2 TOPS; FP32 82.6; 1,008 GB/s; 450 W.",
);
const ADA_4090_TABLE = source(
  "https://hmc-tech.com/gpus/nvidia-geforce-rtx-4090-vs-nvidia-rtx-pro-5000-blackwell",
  "RTX 4090 tensor table: FP16-32 (FP32 accumulate) 165.2 dense, FP8-32 330.3 dense, INT8 660.6, INT4 1.32 POPS, TF32 82.58; 24 GB GDDR6X, 1.01 TB/s, 450 W.",
);
const BLACKWELL_GEFORCE = source(
  "https://www.spheron.network/blog/nvidia-rtx-5090-specs/",
  "RTX 5090: 170 SMs, 32 GB GDDR7 at 1,792 GB/s, 575 W, PCIe Gen5 x16; FP32 ~105 TFLOPS; sparse FP16 838.4, FP8 1,676.8, FP4 3,352 (FP16 accumulate) -> dense 419.2 / 838.4 / 1,676; with FP32 accumulate FP16 and FP8 halve to 209.6 / 419.2 (GeForce rule, per the RTX Blackwell whitepaper https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf).",
);
const RTX_PRO_6000 = source(
  "https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/",
  "RTX PRO 6000 Blackwell (figure from vendor datasheet): 96 GB GDDR7 ECC at 1,792 GB/s, 4,000 AI TOPS (FP4, sparse), 125 TFLOPS FP32, 600 W, PCIe Gen5 x16. Dense: fp4 4000/2 = 2000, fp8 1000, bf16 500 TFLOPS (professional cards accumulate FP32 at full rate), tf32 250.",
);

export const NVIDIA_CONSUMER = [
  {
    id: "rtx-3090",
    name: "NVIDIA GeForce RTX 3090 24GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ampere",
    releaseDate: "2020-09-24",
    denseFlopsPerSecond: {
      fp32: 35.6 * TERA,
      tf32: 35.6 * TERA,
      bf16: 71 * TERA,
      fp16: 71 * TERA,
      int8: 284 * TERA,
      int4: 568 * TERA,
    },
    memoryBytes: 24 * GB,
    memoryBandwidthBytesPerSecond: 936 * GB,
    scaleUp: scaleUp(PCIE4_X16, 2),
    scaleOut: null,
    tdpWatts: 350,
    purchaseUsd: 1499,
    rental: [rent("spot", 0.22, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 0.39, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("spot", 0.18, "Vast.ai (interruptible, from)", "2026-05-01", VAST_FAIRLANE)],
    sources: [GA102_WHITEPAPER, NCCL_PCIE_LATENCY],
  },
  {
    id: "rtx-3090-ti",
    name: "NVIDIA GeForce RTX 3090 Ti 24GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ampere",
    releaseDate: "2022-03-29",
    denseFlopsPerSecond: {
      fp32: 40 * TERA,
      tf32: 40 * TERA,
      bf16: 80 * TERA,
      fp16: 80 * TERA,
      int8: 320 * TERA,
      int4: 640 * TERA,
    },
    memoryBytes: 24 * GB,
    memoryBandwidthBytesPerSecond: 1008 * GB,
    scaleUp: scaleUp(PCIE4_X16, 2),
    scaleOut: null,
    tdpWatts: 450,
    purchaseUsd: 1999,
    rental: [rent("on-demand", 0.39, "proxy: RunPod RTX 3090 (no 3090 Ti listing found)", "2026-03-10", DEPLOYBASE_RUNPOD)],
    sources: [GA102_3090TI, GA102_WHITEPAPER],
  },
  {
    id: "rtx-4090",
    name: "NVIDIA GeForce RTX 4090 24GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "ada",
    releaseDate: "2022-10-12",
    denseFlopsPerSecond: {
      fp32: 82.6 * TERA,
      tf32: 82.6 * TERA,
      bf16: 165.2 * TERA,
      fp16: 165.2 * TERA,
      fp8: 330.3 * TERA,
      int8: 660.6 * TERA,
      int4: 1321.2 * TERA,
    },
    memoryBytes: 24 * GB,
    memoryBandwidthBytesPerSecond: 1008 * GB,
    scaleUp: scaleUp(PCIE4_X16, 2),
    scaleOut: null,
    tdpWatts: 450,
    purchaseUsd: 1599,
    rental: [
      rent("on-demand", 0.37, "Tensor Economics reference", "2025-09-24", TENSOR_ECONOMICS),
      rent("spot", 0.34, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD),
      rent("on-demand", 0.6, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD),
      rent("spot", 0.31, "Vast.ai (interruptible, from)", "2026-05-01", VAST_FAIRLANE),
      rent("on-demand", 0.45, "Vast.ai", "2026-05-01", VAST_FAIRLANE),
      rent("on-demand", 0.682, "Vast.ai", "2026-06-01", VAST_USAGEPRICING),
    ],
    sources: [ADA_WHITEPAPER, ADA_4090_TABLE, NCCL_PCIE_LATENCY],
  },
  {
    id: "rtx-5090",
    name: "NVIDIA GeForce RTX 5090 32GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "blackwell-geforce",
    releaseDate: "2025-01-30",
    denseFlopsPerSecond: {
      fp32: 104.8 * TERA,
      tf32: 104.8 * TERA,
      bf16: 209.6 * TERA,
      fp16: 209.6 * TERA,
      fp8: 419.2 * TERA,
      int8: 838.4 * TERA,
      fp4: 1676 * TERA,
    },
    memoryBytes: 32 * GB,
    memoryBandwidthBytesPerSecond: 1792 * GB,
    scaleUp: scaleUp(PCIE5_X16, 2),
    scaleOut: null,
    tdpWatts: 575,
    purchaseUsd: 1999,
    rental: [rent("spot", 0.69, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 1.22, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 0.865, "Vast.ai", "2026-06-01", VAST_USAGEPRICING)],
    sources: [BLACKWELL_GEFORCE, NCCL_PCIE_LATENCY],
  },
  {
    id: "rtx-pro-6000",
    name: "NVIDIA RTX PRO 6000 Blackwell 96GB",
    vendor: "nvidia",
    kind: "gpu",
    family: "blackwell-geforce",
    releaseDate: "2025-04",
    denseFlopsPerSecond: {
      fp32: 125 * TERA,
      tf32: 250 * TERA,
      bf16: 500 * TERA,
      fp16: 500 * TERA,
      fp8: 1000 * TERA,
      int8: 1000 * TERA,
      fp4: 2000 * TERA,
    },
    memoryBytes: 96 * GB,
    memoryBandwidthBytesPerSecond: 1792 * GB,
    scaleUp: scaleUp(PCIE5_X16, 8),
    scaleOut: ROCE_200,
    tdpWatts: 600,
    rental: [rent("spot", 0.89, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 1.57, "RunPod", "2026-03-10", DEPLOYBASE_RUNPOD), rent("on-demand", 0.66, "packet.ai", "2026-06-01", PACKET_AI)],
    sources: [RTX_PRO_6000, NCCL_PCIE_LATENCY],
  },
] satisfies Accelerator[];
