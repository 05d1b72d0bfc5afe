import type { Link } from "../../core/hardware.js";
import { GB, GBIT_PER_SECOND_IN_BYTES, MICROSECOND } from "../../core/units.js";

// Per-accelerator, per-direction bandwidth; latency is the small-message time of one collective step.
// NVLink latency: ~6 us measured by NCCL on 2x H100 (sources.ts NCCL_H100_LATENCY); NVLink3 ~10 us (A100);
// PCIe peer traffic ~10 us; scale-out NICs ~5 us end to end through NCCL (wire + switch ~1-2 us, plus proxy).

/** Build a scale-up link with the accelerators it connects. */
export function scaleUp(link: Link, domainSize: number): Link & { domainSize: number } {
  return { ...link, domainSize };
}

export const NVLINK3: Link = { name: "NVLink 3 (NVSwitch)", bandwidthBytesPerSecond: 300 * GB, latencySeconds: 10 * MICROSECOND };
export const NVLINK4: Link = { name: "NVLink 4 (NVSwitch)", bandwidthBytesPerSecond: 450 * GB, latencySeconds: 6 * MICROSECOND };
export const NVLINK4_BRIDGE_600: Link = { name: "NVLink 4 bridge (600 GB/s bidirectional)", bandwidthBytesPerSecond: 300 * GB, latencySeconds: 6 * MICROSECOND };
export const NVLINK4_BRIDGE_900: Link = { name: "NVLink 4 bridge (900 GB/s bidirectional)", bandwidthBytesPerSecond: 450 * GB, latencySeconds: 6 * MICROSECOND };
export const NVLINK5: Link = { name: "NVLink 5 (NVSwitch)", bandwidthBytesPerSecond: 900 * GB, latencySeconds: 6 * MICROSECOND };

export const PCIE4_X16: Link = { name: "PCIe Gen4 x16", bandwidthBytesPerSecond: 32 * GB, latencySeconds: 10 * MICROSECOND };
export const PCIE5_X16: Link = { name: "PCIe Gen5 x16", bandwidthBytesPerSecond: 64 * GB, latencySeconds: 10 * MICROSECOND };
export const PCIE5_X8: Link = { name: "PCIe Gen5 x8", bandwidthBytesPerSecond: 32 * GB, latencySeconds: 10 * MICROSECOND };

export const IB_HDR_200: Link = { name: "InfiniBand HDR 200 Gb/s (ConnectX-6)", bandwidthBytesPerSecond: 200 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 5 * MICROSECOND };
export const IB_NDR_400: Link = { name: "InfiniBand NDR 400 Gb/s (ConnectX-7)", bandwidthBytesPerSecond: 400 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 5 * MICROSECOND };
export const IB_XDR_800: Link = { name: "InfiniBand XDR 800 Gb/s (ConnectX-8)", bandwidthBytesPerSecond: 800 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 5 * MICROSECOND };
export const ROCE_400: Link = { name: "400 GbE RoCE (Pollara 400 / ConnectX-7)", bandwidthBytesPerSecond: 400 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 5 * MICROSECOND };
/** PCIe inference servers usually share a few 200-400 GbE NICs; 200 Gb/s per GPU is an assumption, not a datasheet figure. */
export const ROCE_200: Link = { name: "200 GbE RoCE (assumed per GPU)", bandwidthBytesPerSecond: 200 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 5 * MICROSECOND };
/** Plain 100 GbE per CPU socket (assumed). */
export const ETH_100: Link = { name: "100 GbE (assumed per socket)", bandwidthBytesPerSecond: 100 * GBIT_PER_SECOND_IN_BYTES, latencySeconds: 10 * MICROSECOND };
