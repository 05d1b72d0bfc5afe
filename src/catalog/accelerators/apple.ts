import type { Accelerator, Link } from "../../core/hardware.js";
import { GB, GBIT_PER_SECOND_IN_BYTES, GIGA, MICROSECOND } from "../../core/units.js";
import { RETRIEVED_DATE, rent, source } from "./sources.js";

// Apple GPUs: 128 FP32 ALUs per GPU core, 2 FLOP per FMA; FP16 runs at the FP32 rate. There are no fp8/int8
// matrix units, so only fp32 and fp16 are listed (bf16 falls back to fp16). Capacities are Apple's "GB" figures
// (physically GiB). Power is the whole machine's maximum, not a chip TDP (Apple publishes none).

/** Peak GPU FLOP/s from core count and clock: cores x 128 lanes x 2 FLOP x Hz. */
function appleGpuFlopsPerSecond(gpuCores: number, clockHz: number): number {
  return gpuCores * 128 * 2 * clockHz;
}

const THUNDERBOLT_4: Link = { name: "Thunderbolt 4 (40 Gb/s; single machine)", bandwidthBytesPerSecond: 40 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 10 * MICROSECOND };
const THUNDERBOLT_5: Link = { name: "Thunderbolt 5 (80 Gb/s; single machine)", bandwidthBytesPerSecond: 80 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 10 * MICROSECOND };

const AWS_MAC = source(
  "https://aws.amazon.com/ec2/instance-types/mac/",
  "EC2 mac2-m2pro.metal (M2 Pro Mac mini) $1.5604/h on-demand, us-east-1, dedicated host, 24 h minimum (figure from vendor pricing page, not re-read). No cloud rents these exact chips by the hour, so it is a proxy for an Apple-silicon machine-hour.",
);
const AWS_MAC_DOC = source("https://docs.aws.amazon.com/en_en/AWSEC2/latest/UserGuide/ec2-mac-instances.html", "EC2 Mac instances: bare-metal Mac minis (M1, M2, M2 Pro) on Dedicated Hosts, on-demand only, 24-hour minimum allocation.");
const HMC_M3_M4 = source(
  "https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max",
  "40-core M3 Max: 5,120 ALUs at 1,398 MHz = 14.32 TFLOPS FP32 = FP16; 32-core M4 Max: 4,096 ALUs at 1,678 MHz = 13.74 TFLOPS (the 40-core M4 Max at the same clock: 17.18).",
);
const HMC_M1 = source("https://hmc-tech.com/gpu/apple-8-core-m4-fl-vs-apple-24-core-m1-max", "24-core M1 Max: 3,072 ALUs at 1,296 MHz = 7.96 TFLOPS FP32 = FP16 (the 32-core part at the same clock: 10.6; Apple quotes 10.4).");
const MAC_POWER = source(
  "https://www.apple.com/mac-studio/specs/",
  "Machine maximum power (figure from vendor page, Mac power-consumption documents; estimate): Mac Studio M1 Max ~115 W, Mac Studio M2 Ultra ~295 W; MacBook Pro 16 M3 Max / M4 Max 140 W adapter.",
);

export const APPLE_ACCELERATORS = [
  {
    id: "apple-m1-max",
    name: "Apple M1 Max (32-core GPU, 64 GB)",
    vendor: "apple",
    kind: "soc",
    family: "apple-m",
    releaseDate: "2021-10-26",
    denseFlopsPerSecond: { fp32: 10.4e12, fp16: 10.4e12 },
    memoryBytes: 64 * GB,
    memoryBandwidthBytesPerSecond: 400 * GB,
    scaleUp: { ...THUNDERBOLT_4, domainSize: 1 },
    scaleOut: null,
    tdpWatts: 115,
    rental: [rent("on-demand", 1.5604, "proxy: AWS EC2 mac2-m2pro.metal", RETRIEVED_DATE, AWS_MAC)],
    sources: [
      source("https://www.apple.com/newsroom/2021/10/introducing-m1-pro-and-m1-max-the-most-powerful-chips-apple-has-ever-built/", "M1 Max (figure from vendor page): 32-core GPU, 10.4 TFLOPS, up to 64 GB unified memory at 400 GB/s."),
      HMC_M1,
      MAC_POWER,
      AWS_MAC_DOC,
    ],
  },
  {
    id: "apple-m2-ultra",
    name: "Apple M2 Ultra (76-core GPU, 192 GB)",
    vendor: "apple",
    kind: "soc",
    family: "apple-m",
    releaseDate: "2023-06-13",
    denseFlopsPerSecond: { fp32: appleGpuFlopsPerSecond(76, 1.398 * GIGA), fp16: appleGpuFlopsPerSecond(76, 1.398 * GIGA) },
    memoryBytes: 192 * GB,
    memoryBandwidthBytesPerSecond: 800 * GB,
    scaleUp: { ...THUNDERBOLT_4, domainSize: 1 },
    scaleOut: null,
    tdpWatts: 295,
    purchaseUsd: 6999,
    rental: [
      rent("on-demand", 1.5604, "proxy: AWS EC2 mac2-m2pro.metal", RETRIEVED_DATE, AWS_MAC),
      rent(
        "amortized",
        6999 / (3 * 8760) + 0.295 * 0.1,
        "owned: Mac Studio over 3 years + power",
        RETRIEVED_DATE,
        source("https://smallformfactor.net/news/ars-technica-reviews-m2-ultra-powered-mac-studio", "Mac Studio M2 Ultra with 192 GB, 76-core GPU, 2 TB: $6,999; $6,999 / 26,280 h + 0.295 kW x $0.10/kWh = $0.296/h."),
      ),
    ],
    sources: [
      source("https://www.apple.com/newsroom/2023/06/apple-introduces-m2-ultra/", "M2 Ultra (figure from vendor page): up to 76-core GPU, 192 GB unified memory at 800 GB/s. Peak = 76 x 128 x 2 x 1.398 GHz = 27.2 TFLOPS."),
      MAC_POWER,
      AWS_MAC_DOC,
    ],
  },
  {
    id: "apple-m3-max",
    name: "Apple M3 Max (40-core GPU, 64 GB)",
    vendor: "apple",
    kind: "soc",
    family: "apple-m",
    releaseDate: "2023-11-07",
    denseFlopsPerSecond: { fp32: appleGpuFlopsPerSecond(40, 1.398 * GIGA), fp16: appleGpuFlopsPerSecond(40, 1.398 * GIGA) },
    memoryBytes: 64 * GB,
    memoryBandwidthBytesPerSecond: 400 * GB,
    scaleUp: { ...THUNDERBOLT_4, domainSize: 1 },
    scaleOut: null,
    tdpWatts: 140,
    rental: [rent("on-demand", 1.5604, "proxy: AWS EC2 mac2-m2pro.metal", RETRIEVED_DATE, AWS_MAC)],
    sources: [
      source(
        "https://www.apple.com/newsroom/2023/10/apple-unveils-m3-m3-pro-and-m3-max-the-most-advanced-chips-for-a-personal-computer/",
        "M3 Max (figure from vendor page): up to 40-core GPU, up to 128 GB; 400 GB/s on the 40-core part. 64 GB is the configuration measured in the calibration set.",
      ),
      HMC_M3_M4,
      MAC_POWER,
    ],
  },
  {
    id: "apple-m4-max",
    name: "Apple M4 Max (40-core GPU, 128 GB)",
    vendor: "apple",
    kind: "soc",
    family: "apple-m",
    releaseDate: "2024-11-08",
    denseFlopsPerSecond: { fp32: appleGpuFlopsPerSecond(40, 1.678 * GIGA), fp16: appleGpuFlopsPerSecond(40, 1.678 * GIGA) },
    memoryBytes: 128 * GB,
    memoryBandwidthBytesPerSecond: 546 * GB,
    scaleUp: { ...THUNDERBOLT_5, domainSize: 1 },
    scaleOut: null,
    tdpWatts: 140,
    rental: [rent("on-demand", 1.5604, "proxy: AWS EC2 mac2-m2pro.metal", RETRIEVED_DATE, AWS_MAC)],
    sources: [source("https://www.apple.com/newsroom/2024/10/apple-introduces-m4-pro-and-m4-max/", "M4 Max (figure from vendor page): up to 40-core GPU, up to 128 GB unified memory at 546 GB/s, Thunderbolt 5."), HMC_M3_M4, MAC_POWER],
  },
] satisfies Accelerator[];
