import type { RentalPrice, Source } from "../../core/hardware.js";

/** Day the pages below were read (or, for vendor-page figures, checked against memory of the datasheet). */
export const RETRIEVED_DATE = "2026-11-22";

/** A Source read on RETRIEVED_DATE. */
export function source(url: string, note: string): Source {
  return { url, retrievedDate: RETRIEVED_DATE, note };
}

/** A dated rental price row (USD per accelerator per hour). */
export function rent(kind: RentalPrice["kind"], usdPerHour: number, provider: string, date: string, from: Source): RentalPrice {
  return { kind, usdPerHour, provider, date, source: from };
}

// Price pages shared by several rows. Each note says what the page states; rows add what they took from it.
export const TENSOR_ECONOMICS = source("https://www.tensoreconomics.com/p/why-are-embeddings-so-cheap", "Tensor Economics 'Why are embeddings so cheap?' (2025-09-24): H100 at $2.00/h, RTX 4090 at $0.37/h (seed reference prices).");
export const DEPLOYBASE_RUNPOD = source("https://deploybase.ai/articles/runpod-gpu-pricing", "Deploybase 'RunPod GPU Pricing' (2026-03-10): per-GPU spot and on-demand $/h for RTX 3090 ... B200.");
export const SPHERON_RUNPOD_H100 = source("https://www.spheron.network/blog/runpod-h100-pricing-2026/", "Spheron (2026-05-22): RunPod Secure Cloud H100 SXM5 ~$2.69/h, H100 80GB PCIe ~$2.79/h.");
export const SPHERON_BLACKWELL = source("https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200", "Spheron on-demand (2026-03-17): H200 $4.54/h, B200 $6.03/h, GB200 superchip (2 GPUs) $9.08/h.");
export const CLIFFCENTER_AMD = source(
  "https://www.cliffcenter.com/research/amd-inference-economics",
  "Cliff Center research note (2026-05-18): MI300X $1.50 TensorWave, $1.71 Crusoe spot, $1.85 Vultr; MI325X $1.95 TensorWave; H100 SXM $2.99 Lambda.",
);
export const VAST_USAGEPRICING = source(
  "https://www.usagepricing.com/blueprint/vast-ai",
  "Vast.ai on-demand rates captured June 2026: RTX 4090 $0.682-0.875, RTX 5090 $0.865-1.141, A100 80GB $1.166-1.205, H100 NVL $2.525, B200 $4.492 per GPU-hour.",
);
export const VAST_FAIRLANE = source(
  "https://fairlane.systems/en/wissen/tool-vast-ai",
  "Fairlane (2026-05) Vast.ai inventory: RTX 3090 from $0.18/h interruptible, RTX 4090 $0.31 interruptible / $0.45 on-demand, A100-40GB from $0.40 interruptible, H200 from $3.50.",
);
export const PACKET_AI = source("https://packet.ai/blog/gpu-pricing-models-compared", "packet.ai on-demand as of June 2026: RTX 6000 Pro (RTX PRO 6000 Blackwell) $0.66/h, H200 SXM $2.25/h, B200 SXM $3.75/h.");
export const TECHPLAINED_8XH100 = source("https://techplained.aptechsolutions.io/runpod-vs-vast-ai", "April 2026 8xH100: Lambda reservation $1.85/GPU-h, RunPod Secure $2.79/GPU-h, Vast.ai spot floor $1.52/GPU-h.");
export const AWS_P5 = source("https://disintermediate.global/insights/gpu-cloud-pricing-models", "Q1 2026: AWS p5.48xlarge (8x H100 SXM) $98.32/h on-demand, i.e. $12.29 per GPU-hour.");
export const AWS_P5_RESERVED = source(
  "https://disintermediate.global/insights/gpu-cloud-pricing-models",
  "Q1 2026: a 1-year reserved AWS p5.48xlarge (8x H100 SXM) with partial upfront runs about $52/h effective, 47% below on-demand; $6.50 per GPU-hour.",
);
export const ORNN_B200_B300 = source(
  "https://www.ornnai.com/research/nvidia-b200-vs-b300-why-use-one-instead-of-the-other",
  "Ornn 2026 benchmark: B200 ~$4.50/h neocloud, $7.00 hyperscaler; B300 $5.00-7.25/h; module prices B200 ~$50k, B300 ~$53k; GB200 NVL72 rack $3.0-3.9M, GB300 NVL72 $3.7-5.0M.",
);
export const RUNPOD_SERVERLESS = source("https://docs.runpod.io/serverless/pricing", "RunPod serverless flex per-second prices (undated docs page): e.g. L40S $0.00053/s, A100 $0.00076/s.");

// Link and latency evidence shared by many rows.
export const NCCL_H100_LATENCY = source("https://github.com/NVIDIA/nccl/issues/1259", "NCCL 2.20 all_reduce_perf on HGX 8x H100, 2 GPUs, NVLS, CUDA graphs: ~6 us for small (128 B) messages; used as the per-message NVLink latency.");
export const NCCL_A100_LATENCY = source("https://github.com/NVIDIA/nccl/issues/583", "nccl-tests all_reduce on 2x A100-SXM4-40GB: 10.1 us at 32 B; used as the per-message NVLink3 latency.");
export const NCCL_PCIE_LATENCY = source("https://github.com/NVIDIA/nccl/issues/1439", "nccl-tests on 8x RTX 3090 over PCIe: 54 us for an 8-byte all-reduce across 8 ranks (multi-hop ring); a 2-GPU PCIe message is taken as ~10 us.");
