import type { Accelerator, Link } from "../../core/hardware.js";
import { GB, TB, TERA, MICROSECOND } from "../../core/units.js";
import { IB_HDR_200, ROCE_400, scaleUp } from "./links.js";
import { CLIFFCENTER_AMD, ORNN_B200_B300, RETRIEVED_DATE, VAST_FAIRLANE, rent, source } from "./sources.js";

// AMD prints dense peaks (sparsity is a separate column), so no halving here.
// Infinity Fabric (xGMI) peer links: each link's peak is quoted bidirectional; per direction is half.
// RCCL small-message latency over xGMI is taken as ~10 us (estimate, no measurement found).

/** Seven xGMI links per OAM module, each 128 GB/s bidirectional = 64 GB/s per direction: 448 GB/s per direction. */
const XGMI_CDNA3: Link = { name: "Infinity Fabric xGMI (7 links x 64 GB/s per direction)", bandwidthBytesPerSecond: 7 * 64 * GB, latencySeconds: 10 * MICROSECOND };
/** CDNA4 raises each link to 153.6 GB/s bidirectional: 7 x 76.8 = 537.6 GB/s per direction. */
const XGMI_CDNA4: Link = { name: "Infinity Fabric xGMI (7 links x 76.8 GB/s per direction)", bandwidthBytesPerSecond: 7 * 76.8 * GB, latencySeconds: 10 * MICROSECOND };
/** MI210 PCIe cards bridge up to 4 GPUs with 3 links of 100 GB/s bidirectional: 150 GB/s per direction. */
const XGMI_MI210: Link = { name: "Infinity Fabric bridge (3 links x 50 GB/s per direction)", bandwidthBytesPerSecond: 3 * 50 * GB, latencySeconds: 10 * MICROSECOND };

const MI300X_DATASHEET = source(
  "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/amd-instinct-mi300x-data-sheet.pdf",
  "MI300X (figure from vendor datasheet): 304 CUs at 2.1 GHz; dense fp16/bf16 1,307.4, fp8/int8 2,614.9, tf32 653.7, FP32 matrix 163.4 TFLOPS (= 304 x 2.1 GHz x 4096 fp8 FLOP/clk/CU); 192 GB HBM3 at 5.3 TB/s; 750 W; 7 Infinity Fabric links at 128 GB/s peak each.",
);
const MI325X_PAGE = source(
  "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html",
  "MI325X (figure from vendor datasheet): same CDNA3 compute as MI300X (bf16 1,307.4, fp8 2,614.9 TFLOPS dense), 256 GB HBM3E at 6 TB/s, 1,000 W, launched 2024-10-10.",
);
const MI355X_REGISTER = source("https://www.theregister.com/2025/06/12/amd_mi355x/", "MI355X: up to 10 PF FP4 dense (double with sparsity), 288 GB HBM3E, 8 TB/s, 1.4 kW liquid-cooled; MI350X trades ~8% peak for 1 kW.");
const MI355X_ISSCC = source(
  "https://www.world-today-news.com/?p=7253162",
  "ISSCC 2026: MI355X XCD has 32 active CUs (256 per package) at 8,192 fp8 FLOP/clk/CU, 5 PF fp8. Dense peaks: 256 x 2.4 GHz x 8192 = 5.03 PF fp8/int8; fp16/bf16 half (2.52 PF); MXFP4 double (10.07 PF).",
);
const MI355X_LINKS = source(
  "https://humeconsulting.co/amd-mi355x-strong-node-level-inference-but-not-yet-rack-scale",
  "MI355X: 288 GB HBM3E, 8 TB/s, 1.4 kW, 78.6 TF FP64; Infinity Fabric ~153 GB/s bidirectional per link (7 links, 8-GPU platform).",
);
const MI210_PAGE = source(
  "https://www.amd.com/en/products/accelerators/instinct/mi200/mi210.html",
  "MI210 (figure from vendor datasheet): 64 GB HBM2e at 1.6384 TB/s, fp16/bf16 181 TFLOPS, int8 181 TOPS, FP32 matrix 45.3 TFLOPS, 300 W PCIe Gen4, 3 Infinity Fabric links (bridge of up to 4 GPUs).",
);

const CDNA3_PEAKS = {
  fp32: 163.4 * TERA,
  tf32: 653.7 * TERA,
  bf16: 1307.4 * TERA,
  fp16: 1307.4 * TERA,
  fp8: 2614.9 * TERA,
  int8: 2614.9 * TERA,
};

export const AMD_ACCELERATORS = [
  {
    id: "mi210",
    name: "AMD Instinct MI210 64GB",
    vendor: "amd",
    kind: "gpu",
    family: "cdna2",
    releaseDate: "2022-03-22",
    denseFlopsPerSecond: { fp32: 45.3 * TERA, bf16: 181 * TERA, fp16: 181 * TERA, int8: 181 * TERA },
    memoryBytes: 64 * GB,
    memoryBandwidthBytesPerSecond: 1.6384 * TB,
    scaleUp: scaleUp(XGMI_MI210, 4),
    scaleOut: IB_HDR_200,
    tdpWatts: 300,
    rental: [rent("spot", 0.4, "proxy: Vast.ai A100-40GB interruptible (no MI210 listing found)", "2026-05-01", VAST_FAIRLANE)],
    sources: [MI210_PAGE],
  },
  {
    id: "mi300x",
    name: "AMD Instinct MI300X 192GB",
    vendor: "amd",
    kind: "gpu",
    family: "cdna3",
    releaseDate: "2023-12-06",
    denseFlopsPerSecond: CDNA3_PEAKS,
    memoryBytes: 192 * GB,
    memoryBandwidthBytesPerSecond: 5.3 * TB,
    scaleUp: scaleUp(XGMI_CDNA3, 8),
    scaleOut: ROCE_400,
    tdpWatts: 750,
    rental: [rent("on-demand", 1.5, "TensorWave", "2026-05-18", CLIFFCENTER_AMD), rent("on-demand", 1.85, "Vultr", "2026-05-18", CLIFFCENTER_AMD), rent("spot", 1.71, "Crusoe", "2026-05-18", CLIFFCENTER_AMD)],
    sources: [MI300X_DATASHEET],
  },
  {
    id: "mi325x",
    name: "AMD Instinct MI325X 256GB",
    vendor: "amd",
    kind: "gpu",
    family: "cdna3",
    releaseDate: "2024-10-10",
    denseFlopsPerSecond: CDNA3_PEAKS,
    memoryBytes: 256 * GB,
    memoryBandwidthBytesPerSecond: 6 * TB,
    scaleUp: scaleUp(XGMI_CDNA3, 8),
    scaleOut: ROCE_400,
    tdpWatts: 1000,
    rental: [rent("on-demand", 1.95, "TensorWave", "2026-05-18", CLIFFCENTER_AMD)],
    sources: [MI325X_PAGE, MI300X_DATASHEET],
  },
  {
    id: "mi355x",
    name: "AMD Instinct MI355X 288GB",
    vendor: "amd",
    kind: "gpu",
    family: "cdna4",
    releaseDate: "2025-06-12",
    denseFlopsPerSecond: {
      fp32: 157.3 * TERA,
      bf16: 2516.6 * TERA,
      fp16: 2516.6 * TERA,
      fp8: 5033.2 * TERA,
      int8: 5033.2 * TERA,
      fp4: 10066.3 * TERA,
    },
    memoryBytes: 288 * GB,
    memoryBandwidthBytesPerSecond: 8 * TB,
    scaleUp: scaleUp(XGMI_CDNA4, 8),
    scaleOut: ROCE_400,
    tdpWatts: 1400,
    rental: [rent("on-demand", 4.5, "proxy: B200-class neocloud rate (Ornn index); no MI355X hourly listing found", RETRIEVED_DATE, ORNN_B200_B300)],
    sources: [
      MI355X_REGISTER,
      MI355X_ISSCC,
      MI355X_LINKS,
      source("https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html", "FP32 matrix 157.3 TFLOPS; CDNA4 lists no TF32 matrix rate, so tf32 is omitted (runs as fp32) (figure from vendor datasheet)."),
    ],
  },
] satisfies Accelerator[];
