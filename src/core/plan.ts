// Parallel plans: achieved rates and links per plan, memory capacity per replica, KV bytes per sequence, candidates.
import type { Accelerator } from "./hardware.js";
import type { EfficiencyProfile } from "./efficiency.js";
import type { ModelShape, Precisions } from "./model-shape.js";
import { computePrecisionOf, peakFor } from "./precision.js";
import type { Issue } from "./result.js";
import type { KernelFormat, OperatorProfile } from "./operators.js";
import type { KernelRates, LinkRate, Plan, Rates } from "./step.js";

/** Memory of one replica under a plan. */
export interface Capacity {
  weightBytesPerAccelerator: number;
  usableBytesPerAccelerator: number;
  /** KV cache bytes the replica can hold once weights and workspace are placed. */
  kvCapacityBytes: number;
  fits: boolean;
}

/** The link a collective over `groupSize` accelerators crosses: scale-up inside the domain, else scale-out. */
export function linkFor(accelerator: Accelerator, groupSize: number, profile: EfficiencyProfile): LinkRate | undefined {
  if (groupSize <= accelerator.scaleUp.domainSize) {
    return { bytesPerSecond: accelerator.scaleUp.bandwidthBytesPerSecond * profile.linkBandwidthFraction, latencySeconds: accelerator.scaleUp.latencySeconds, singleHop: true };
  }
  if (!accelerator.scaleOut) return undefined;
  return { bytesPerSecond: accelerator.scaleOut.bandwidthBytesPerSecond * profile.linkBandwidthFraction, latencySeconds: accelerator.scaleOut.latencySeconds };
}

/** Achieved rates of one accelerator for the plan's collectives and the precisions' compute formats. */
export function ratesFor(
  accelerator: Accelerator,
  profile: EfficiencyProfile,
  precisions: Precisions,
  plan: Plan,
  routing: { skew: number; imbalanceFactor: number },
  operators?: OperatorProfile | null,
): { ok: true; rates: Rates } | { ok: false; issue: Issue } {
  const matmulFormat = computePrecisionOf(precisions.weights, precisions.activations);
  const matmul = peakFor(accelerator.denseFlopsPerSecond, matmulFormat);
  // Attention runs in the KV-cache format when activations are that narrow too (FP8 FMHA), else 16-bit.
  const attention = peakFor(accelerator.denseFlopsPerSecond, computePrecisionOf(precisions.kvCache, precisions.activations)) ?? matmul;
  if (!matmul || !attention) {
    return {
      ok: false,
      issue: { code: "unsupported_precision", precision: matmulFormat, accelerator: accelerator.id, message: `${accelerator.id} has no ${matmulFormat} (or wider) compute rate` },
    };
  }
  const tpGroup = plan.tp;
  const epGroup = plan.ep;
  const tensorLink = linkFor(accelerator, tpGroup * plan.dpAttention, profile);
  const expertLink = linkFor(accelerator, 1, profile);
  const scaleOutLink = accelerator.scaleOut ? { bytesPerSecond: accelerator.scaleOut.bandwidthBytesPerSecond * profile.linkBandwidthFraction, latencySeconds: accelerator.scaleOut.latencySeconds } : null;
  if (epGroup > accelerator.scaleUp.domainSize && !scaleOutLink) {
    return {
      ok: false,
      issue: {
        code: "no_scale_out_link",
        groupSize: epGroup,
        domainSize: accelerator.scaleUp.domainSize,
        message: `expert parallelism over ${epGroup} accelerators exceeds the ${accelerator.scaleUp.domainSize}-accelerator scale-up domain of ${accelerator.id}, which has no scale-out network`,
      },
    };
  }
  const pipelineLink = linkFor(accelerator, plan.tp * plan.dpAttention * plan.pp, profile);
  if (!tensorLink || !pipelineLink) {
    const groupSize = Math.max(tpGroup * plan.dpAttention, plan.tp * plan.dpAttention * plan.pp);
    return {
      ok: false,
      issue: {
        code: "no_scale_out_link",
        groupSize,
        domainSize: accelerator.scaleUp.domainSize,
        message: `a parallel group of ${groupSize} exceeds the ${accelerator.scaleUp.domainSize}-accelerator scale-up domain of ${accelerator.id}, which has no scale-out network`,
      },
    };
  }
  return {
    ok: true,
    rates: {
      matmulFlopsPerSecond: matmul.flopsPerSecond * (profile.computeFractionByFormat[matmul.precision] ?? profile.computeFraction),
      attentionFlopsPerSecond: attention.flopsPerSecond * profile.attentionComputeFraction,
      memoryBytesPerSecond: accelerator.memoryBandwidthBytesPerSecond * profile.bandwidthFraction,
      kvBytesPerSecond: accelerator.memoryBandwidthBytesPerSecond * profile.attentionBandwidthFraction,
      gemmHalfEfficiencyTokens: profile.gemmHalfEfficiencyTokens,
      gemmHalfEfficiencyWidth: profile.gemmHalfEfficiencyWidth,
      expertGemmFraction: profile.expertGemmFraction,
      tensorLink,
      expertLink: expertLink!,
      scaleOutLink,
      scaleUpDomainSize: accelerator.scaleUp.domainSize,
      pipelineLink,
      stepOverheadSeconds: profile.stepOverheadSeconds,
      // measured kernels carry their own launch cost per call
      layerOverheadSeconds: operators ? 0 : profile.layerOverheadSeconds,
      sequenceOverheadSeconds: profile.sequenceOverheadSeconds,
      hostOverlapsDevice: profile.hostOverlapsDevice === true,
      expertImbalanceFactor: routing.imbalanceFactor,
      routingSkew: routing.skew,
      ...(operators ? { kernels: { ...kernelRatesFor(operators, precisions, matmul.flopsPerSecond), deviceScale: profile.kernelTimeScale ?? 1 } } : {}),
    },
  };
}

/**
 * The kernel formats precisions select: 4-bit weights with 16-bit activations run weight-only kernels (int4 /
 * w4a16 MXFP4), fp4 with fp4 activations NVFP4, 8-bit weights with 8-bit activations FP8 (block-scaled for MoE),
 * everything else 16-bit. The KV cache is fp8 only when stored in 8 bits.
 */
export function kernelRatesFor(profile: OperatorProfile, precisions: Precisions, peakFlopsPerSecond: number): KernelRates {
  const w = precisions.weights,
    act = precisions.activations;
  const eight = (x: string) => x === "fp8" || x === "int8";
  const four = (x: string) => x === "fp4" || x === "int4";
  let gemmFormat: KernelFormat = "bf16";
  if (four(w)) gemmFormat = four(act) ? "nvfp4" : eight(act) ? "fp8" : "int4";
  else if (eight(w)) gemmFormat = eight(act) || four(act) ? "fp8" : "bf16";
  return {
    profile,
    gemmFormat,
    kvFormat: eight(precisions.kvCache) || four(precisions.kvCache) ? "fp8" : "bf16",
    mlaFormat: gemmFormat === "bf16" ? "bf16" : "fp8_block",
    deviceScale: 1,
    peakFlopsPerSecond,
    basis: profile.basis ?? "measured",
  };
}

/** Weights, workspace and KV capacity of one replica. */
export function capacityFor(shape: ModelShape, plan: Plan, accelerator: Accelerator, profile: EfficiencyProfile): Capacity {
  const ranks = plan.tp * plan.dpAttention;
  const perReplica = ranks * plan.pp;
  const attentionBytes = shape.groups.reduce((s, g) => s + g.layerCount * g.attentionParamCount, 0) * shape.weightBytesPerParam;
  // Attention weights are replicated on each data-parallel attention rank; everything else is sharded.
  const weightBytesPerAccelerator = (attentionBytes * plan.dpAttention + (shape.weightBytes - attentionBytes)) / perReplica;
  const a = shape.architecture;
  const workspaceTokens = 2048;
  const workspace = workspaceTokens * (4 * a.hiddenSize + (2 * a.intermediateSize) / plan.tp) * 2 + (256 * a.vocabSize * 4) / plan.tp;
  // vLLM/SGLang cap the whole device at the fraction; TensorRT-LLM gives the KV cache that fraction of what is left
  // after weights and runtime (kv_cache_free_gpu_mem_fraction).
  const afterRuntime = accelerator.memoryBytes - profile.runtimeReserveBytes - workspace;
  const usable = profile.memoryFractionOf === "free" ? afterRuntime : accelerator.memoryBytes * profile.memoryUtilizationFraction - profile.runtimeReserveBytes - workspace;
  const free = profile.memoryFractionOf === "free" ? (usable - weightBytesPerAccelerator) * profile.memoryUtilizationFraction : usable - weightBytesPerAccelerator;
  return {
    weightBytesPerAccelerator,
    usableBytesPerAccelerator: usable,
    kvCapacityBytes: Math.max(0, free) * perReplica,
    fits: free > 0,
  };
}

/**
 * KV bytes one sequence of `contextTokens` occupies in a replica, windows and TP replication included, plus the
 * recurrent state of its linear-mixer layers (GDN, Mamba2), held once per sequence whatever its length and sharded
 * by heads over TP.
 */
export function kvBytesPerSequence(shape: ModelShape, plan: Plan, contextTokens: number): number {
  const a = shape.architecture;
  // GQA shards KV heads over TP ranks; ranks beyond the head count hold copies. MLA's latent is copied on every TP rank.
  const replication = a.attention.kind === "mla" ? plan.tp : Math.max(1, plan.tp / a.kvHeadCount);
  let bytes = 0;
  for (const g of shape.groups) {
    const window = g.sliding && a.slidingWindow !== null ? a.slidingWindow : Infinity;
    bytes += g.layerCount * g.kvBytesPerToken * Math.min(contextTokens, window);
  }
  return bytes * replication + shape.stateBytesPerSequence;
}

/** Plans worth trying for `count` accelerators: powers of two for tp, pp, ep and DP attention. */
/** Whole divisors of `n` up to `limit`, ascending. */
function divisors(n: number, limit: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.min(n, limit); d++) if (Number.isInteger(n / d) && n % d === 0) out.push(d);
  return out;
}

export function candidatePlans(shape: ModelShape, count: number): Plan[] {
  const a = shape.architecture;
  const plans: Plan[] = [];
  const powers = (limit: number): number[] => {
    const out: number[] = [];
    for (let p = 1; p <= limit; p *= 2) out.push(p);
    return out;
  };
  for (const tp of powers(Math.min(count, a.headCount, 64))) {
    // pipeline stages need not be a power of two (vLLM splits layers unevenly): 6 GPUs run tp 2 x pp 3
    for (const pp of divisors(count / tp, Math.min(a.layerCount, 16))) {
      const perReplica = tp * pp;
      if (count % perReplica !== 0) continue;
      const replicas = count / perReplica;
      plans.push({ tp, pp, ep: 1, dpAttention: 1, replicas });
      if (a.moe) {
        // Expert parallelism over the TP ranks, optionally with data-parallel attention over them.
        for (const ep of powers(Math.min(tp, a.moe.routedExpertCount))) {
          if (ep === 1) continue;
          plans.push({ tp, pp, ep, dpAttention: 1, replicas });
          if (ep === tp) plans.push({ tp: 1, pp, ep, dpAttention: tp, replicas });
        }
      }
    }
  }
  return plans;
}
