import type { Accelerator } from "../../core/hardware.js";
import { GB, GBIT_PER_SECOND_IN_BYTES, GIB, GIGA, MICROSECOND, TERA } from "../../core/units.js";
import { ETH_100, PCIE5_X8, scaleUp } from "./links.js";
import { NCCL_PCIE_LATENCY, RETRIEVED_DATE, rent, source } from "./sources.js";

// CPU peaks are computed, not quoted: cores x clock x FLOP (or int op) per cycle per core.

/** Xeon 6980P: 128 P-cores at the 3.2 GHz all-core turbo. */
const GNR_CORES = 128;
const GNR_ALL_CORE_HZ = 3.2 * GIGA;
/** AMX tile unit per core per cycle: 1024 bf16 (or fp16, AMX-FP16 is new in Granite Rapids) FLOP, 2048 int8 ops. */
const AMX_BF16_PER_CYCLE = 1024;
const AMX_INT8_PER_CYCLE = 2048;
/** AVX-512 fp32: 2 FMA ports x 16 lanes x 2 FLOP = 64 FLOP per cycle per core. */
const AVX512_FP32_PER_CYCLE = 64;
/** AVX-512 VNNI int8 (VPDPBUSD): 2 ports x 64 multiply-adds x 2 ops = 256 ops per cycle per core. */
const VNNI_INT8_PER_CYCLE = 256;

/** Cascade Lake slice: 16 vCPU = 8 physical cores (2 hyperthreads each) at an assumed 3.0 GHz AVX-512 all-core clock. */
const CLX_CORES = 8;
const CLX_AVX512_HZ = 3.0 * GIGA;

const GNR_SPECS = source(
  "https://www.hardwareluxx.de/index.php/artikel/hardware/prozessoren/64561-intels-comeback-granite-rapids-mit-96-kernen-im-test.html",
  "Xeon 6980P: 128 cores, 2.0 GHz base / 3.9 GHz boost, 3.2 GHz all-core boost, 504 MB L3, 500 W, 12 channels DDR5-6400 or MRDIMM-8800, launched 2024-09-24.",
);
const GNR_MRDIMM = source(
  "https://www.servethehome.com/welcome-back-intel-xeon-6900p-reasserts-intel-server-leadership/2/",
  "Xeon 6900P memory: 12 channels, MRDIMM (MCR DIMM) at 8,800 MT/s. Bandwidth used: 12 x 8.8 GT/s x 8 B = 844.8 GB/s per socket (DDR5-6400 would give 614.4).",
);
const AMX_RATES = source(
  "https://www.intel.com/content/www/us/en/products/docs/accelerator-engines/advanced-matrix-extensions/overview.html",
  "Intel AMX (figure from vendor page): 2,048 int8 ops and 1,024 bf16 FLOP per cycle per core. Derivation: bf16 = 128 cores x 3.2 GHz x 1024 = 419.4 TFLOPS; int8 = 838.9 TOPS; fp32 AVX-512 = 128 x 3.2 GHz x 64 = 26.2 TFLOPS. AMX-heavy code can run below the all-core turbo under the 500 W limit; efficiency profiles absorb that.",
);
const C5_DOC = source(
  "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/compute-optimized-instances.html",
  "c5.4xlarge: 16 vCPU, 32 GiB (binary: memoryBytes = 32 GiB). C5 uses Xeon Platinum 8275CL (Cascade Lake, 24 cores/socket, AVX-512 + VNNI, no AVX512-BF16), 'up to 10 Gbps' network.",
);
const C5_DERIVATION = source(
  "https://aws.amazon.com/ec2/instance-types/c5/",
  "Cascade Lake C5: sustained all-core turbo 3.6 GHz (figure from vendor page); AVX-512 code runs lower, 3.0 GHz assumed. fp32 = 8 cores x 3.0 GHz x 64 = 1.536 TFLOPS; int8 VNNI = 8 x 3.0 GHz x 256 = 6.144 TOPS. Memory bandwidth = the slice's share of a 2-socket host: 2 x 6 ch x DDR4-2933 x 8 B = 281.6 GB/s x 16/96 vCPU = 46.9 GB/s. Power = 240 W TDP x 8/24 cores = 80 W.",
);
const C5_PRICES = source(
  "https://docs.amazonaws.cn/en_us/autoscaling/ec2/userguide/weights-spot-price-per-unit-hour-example.html",
  "AWS example table, us-east-1: c5.4xlarge on-demand $0.68/h, spot $0.318-0.361/h (undated example pricing; the on-demand list price has been $0.68 since launch).",
);
const M8I_PRICE = source(
  "https://www.cloudinvent.co/?p=2894",
  "AWS m8i (custom Xeon 6 Granite Rapids) xlarge = 4 vCPU at $0.212/h on-demand, us-east-1, April 2026. Proxy for one 6980P socket: 128 cores x 2 threads = 256 vCPU = 64 x $0.212 = $13.57/h.",
);
const B60_SPECS = source(
  "https://hmc-tech.com/gpu/intel-arc-pro-b60-vs-nvidia-quadro-p620",
  "Arc Pro B60 (BMG-G21, 20 Xe2 cores, 160 XMX engines at 2.4 GHz): FP16/BF16 XMX 98.3 TFLOPS (FP32 accumulate), INT8 196.6 TOPS, INT4 393.2 TOPS, FP32 12.29 TFLOPS; released 2025-05-19.",
);
const B60_BOARD = source("https://technical.city/en/video/Iris-Xe-Graphics-64EUs-Alder-Lake-vs-Arc-Pro-B60", "Arc Pro B60: 24 GB GDDR6, 192-bit at 19 Gbps = 456 GB/s, PCIe 5.0 x8, 200 W, MSRP $499.");
const B60_PRICE = source(
  "https://chipversus.com/hardware/gpu/intel-arc-pro-b60",
  "Arc Pro B60 MSRP $500 (launch $499), 200 W. No hourly rental found; the rental row is derived: $499 / (3 years x 8,760 h) + 0.2 kW x $0.10/kWh = $0.019 + $0.020 = $0.039/h at 100% use.",
);

export const INTEL_ACCELERATORS = [
  {
    id: "arc-pro-b60",
    name: "Intel Arc Pro B60 24GB",
    vendor: "intel",
    kind: "gpu",
    family: "xe2",
    releaseDate: "2025-05-19",
    denseFlopsPerSecond: { fp32: 12.29 * TERA, bf16: 98.3 * TERA, fp16: 98.3 * TERA, int8: 196.6 * TERA, int4: 393.2 * TERA },
    memoryBytes: 24 * GB,
    memoryBandwidthBytesPerSecond: 456 * GB,
    scaleUp: scaleUp(PCIE5_X8, 4),
    scaleOut: null,
    tdpWatts: 200,
    purchaseUsd: 499,
    rental: [rent("amortized", 499 / (3 * 8760) + 0.2 * 0.1, "owned: $499 over 3 years + 200 W (no rental found)", RETRIEVED_DATE, B60_PRICE)],
    sources: [B60_SPECS, B60_BOARD, B60_PRICE, NCCL_PCIE_LATENCY],
  },
  {
    id: "xeon-6980p",
    name: "Intel Xeon 6980P (one socket, Granite Rapids, AMX)",
    vendor: "intel",
    kind: "cpu",
    family: "xeon",
    releaseDate: "2024-09-24",
    denseFlopsPerSecond: {
      fp32: GNR_CORES * GNR_ALL_CORE_HZ * AVX512_FP32_PER_CYCLE,
      bf16: GNR_CORES * GNR_ALL_CORE_HZ * AMX_BF16_PER_CYCLE,
      fp16: GNR_CORES * GNR_ALL_CORE_HZ * AMX_BF16_PER_CYCLE,
      int8: GNR_CORES * GNR_ALL_CORE_HZ * AMX_INT8_PER_CYCLE,
    },
    // 12 x 64 GB DIMMs is an assumed typical population (the socket takes up to 3 TB).
    memoryBytes: 12 * 64 * GB,
    memoryBandwidthBytesPerSecond: 12 * 8.8 * GIGA * 8,
    scaleUp: scaleUp({ name: "UPI 2.0 (6 links x 48 GB/s per direction; sockets run as replicas)", bandwidthBytesPerSecond: 6 * 48 * GB, latencySeconds: 1 * MICROSECOND }, 1),
    scaleOut: ETH_100,
    tdpWatts: 500,
    rental: [rent("on-demand", 64 * 0.212, "proxy: AWS m8i (Xeon 6) per-vCPU price x 256 vCPU", "2026-04-01", M8I_PRICE)],
    sources: [GNR_SPECS, GNR_MRDIMM, AMX_RATES, M8I_PRICE],
  },
  {
    id: "xeon-cascade-lake-16vcpu",
    name: "Intel Xeon Cascade Lake, 16-vCPU cloud slice (AWS c5.4xlarge class)",
    vendor: "intel",
    kind: "cpu",
    family: "xeon",
    releaseDate: "2019-04-02",
    denseFlopsPerSecond: {
      fp32: CLX_CORES * CLX_AVX512_HZ * AVX512_FP32_PER_CYCLE,
      int8: CLX_CORES * CLX_AVX512_HZ * VNNI_INT8_PER_CYCLE,
    },
    memoryBytes: 32 * GIB,
    memoryBandwidthBytesPerSecond: (2 * 6 * 2.933 * GIGA * 8 * 16) / 96,
    scaleUp: scaleUp({ name: "none (single VM; host UPI not exposed)", bandwidthBytesPerSecond: 3 * 20.8 * GB, latencySeconds: 1 * MICROSECOND }, 1),
    scaleOut: { name: "AWS ENA up to 10 Gb/s", bandwidthBytesPerSecond: 10 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 25 * MICROSECOND },
    tdpWatts: 80,
    rental: [rent("on-demand", 0.68, "AWS c5.4xlarge (us-east-1)", RETRIEVED_DATE, C5_PRICES), rent("spot", 0.318, "AWS c5.4xlarge spot (us-east-1c example)", RETRIEVED_DATE, C5_PRICES)],
    sources: [C5_DOC, C5_DERIVATION, C5_PRICES],
  },
] satisfies Accelerator[];
