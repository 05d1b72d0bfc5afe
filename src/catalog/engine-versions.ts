// Known serving-framework versions with the changes that move a cost model, the versions the fitted kernel profiles
// were measured on, and resolveEngine: a scenario's engine (name or {name, version}) resolved to the nearest fitted one.
import type { Engine } from "../core/efficiency.js";
import type { Source } from "../core/hardware.js";
import { type EngineSpec, compareVersions, engineNameOf, engineVersionOf, nearestVersion, parseVersion } from "../core/engine-version.js";

/** One release and what changed in it for throughput or latency; `date` is the release (YYYY-MM or YYYY-MM-DD). */
export interface KnownEngineVersion {
  version: string;
  date: string;
  changes: string[];
  source: Source;
}

const RETRIEVED = "2026-12-04";

/**
 * The versions the fitted kernel profiles (src/catalog/kernel-profiles/) were measured on. Engines absent here have
 * no versioned profile: their efficiency profile is not tied to a release.
 */
export const FITTED_PROFILE_VERSIONS: Partial<Record<Engine, string>> = {
  trtllm: "1.3.0rc20",
  vllm: "0.24.0",
  sglang: "0.5.14",
};

/** Per framework, oldest first: releases whose defaults changed step time, batching or kernels. */
export const ENGINE_VERSIONS: Partial<Record<Engine, readonly KnownEngineVersion[]>> = {
  vllm: [
    {
      version: "0.6.0",
      date: "2024-09",
      changes: ["multi-step scheduling (--num-scheduler-steps) and the asynchronous output processor: CPU work overlaps decode; +11% throughput on Llama 3.1 8B FP8 on one H100 from async output alone (PR #7049)"],
      source: {
        url: "https://github.com/vllm-project/vllm/pull/7049",
        retrievedDate: RETRIEVED,
        note: "Async output processor merged 2024-08-27, multi-step scheduling (PR #7000) 2024-08-19; both first shipped in v0.6.0. Release month from the v0.6.0 tag.",
      },
    },
    {
      version: "0.7.0",
      date: "2025-01-27",
      changes: ["V1 engine alpha, opt-in with VLLM_USE_V1=1 (V0 stays the default)"],
      source: { url: "https://blog.vllm.ai/2025/01/27/v1-alpha-release.html", retrievedDate: RETRIEVED },
    },
    {
      version: "0.8.0",
      date: "2025-03-18",
      changes: [
        "V1 engine on by default (VLLM_USE_V1=0 to opt out): near-zero CPU overhead scheduler, chunked prefill always on, prefix caching on by default",
        "piecewise CUDA graphs through torch.compile by default; FlashAttention 3 on Hopper in V1",
      ],
      source: {
        url: "https://github.com/vllm-project/vllm/releases/tag/v0.8.0",
        retrievedDate: RETRIEVED,
        note: "Release notes: 'We have now enabled V1 engine by default (#13726)'; V1 user guide https://docs.vllm.ai/en/v0.8.0/getting_started/v1_user_guide.html (zero configs, features on by default).",
      },
    },
    {
      version: "0.11.0",
      date: "2025-10",
      changes: ["V0 engine removed; CUDA graph mode FULL_AND_PIECEWISE by default (better out-of-the-box decode, notably fine-grained MoE)"],
      source: { url: "https://github.com/vllm-project/vllm/releases/tag/v0.11.0", retrievedDate: RETRIEVED, note: "Release notes as quoted in dependabot PR pan-webis-de/pan-code#27 (2025-10-07)." },
    },
    {
      version: "0.14.0",
      date: "2026-01",
      changes: ["async scheduling on by default: engine-core scheduling overlaps GPU execution (not with pipeline parallel, CPU backend, or non-MTP/EAGLE speculation)"],
      source: { url: "https://github.com/vllm-project/vllm/releases/tag/v0.14.0", retrievedDate: RETRIEVED, note: "Release notes (#27614) as quoted in dependabot PR OpenBMB/UltraRAG#259 (2026-01-21)." },
    },
    {
      version: "0.23.0",
      date: "2026-06",
      changes: ["Model Runner V2 default for Llama and Mistral dense models (Qwen3 dense since 0.22.0), with a FlashInfer sampler"],
      source: { url: "https://github.com/vllm-project/vllm/releases/tag/v0.23.0", retrievedDate: RETRIEVED },
    },
    {
      version: "0.24.0",
      date: "2026-07",
      changes: ["the version the vLLM kernel profiles were fitted on; model-specific (MiniMax-M3, DeepSeek-V4) kernel work only"],
      source: { url: "https://github.com/PrimeIntellect-ai/OpenRLHF/pull/5", retrievedDate: RETRIEVED, note: "v0.24.0 release notes as quoted in a dependabot PR of 2026-07-01; the release date is that month." },
    },
    {
      version: "0.25.0",
      date: "2026-07-13",
      changes: ["Model Runner V2 default for all dense models; legacy PagedAttention removed"],
      source: { url: "https://github.com/mudler/LocalAI/pull/10811", retrievedDate: RETRIEVED, note: "v0.25.0 release notes as quoted in a dependabot PR of 2026-07-13." },
    },
  ],
  sglang: [
    {
      version: "0.4.0",
      date: "2024-12-04",
      changes: ["zero-overhead (overlap) batch scheduler on by default: CPU scheduling runs one batch ahead of the GPU (1.1x throughput)", "data-parallel attention for DeepSeek models (up to 1.9x decode throughput)"],
      source: { url: "https://lmsys.org/blog/2024-12-04-sglang-v0-4/", retrievedDate: RETRIEVED },
    },
    {
      version: "0.4.6",
      date: "2025-04",
      changes: ["FlashAttention 3 the default attention backend on Hopper for Llama/Qwen/Gemma (FlashInfer on Ampere/Ada/Blackwell)"],
      source: { url: "https://github.com/sgl-project/sglang/issues/5064", retrievedDate: RETRIEVED, note: "Default-choice plan of 2025-04-04; the release that shipped it is approximate (the April 2025 releases)." },
    },
    {
      version: "0.5.10",
      date: "2026-04",
      changes: ["piecewise CUDA graph capture the default execution mode"],
      source: { url: "https://github.com/sgl-project/sglang/releases/tag/v0.5.10", retrievedDate: RETRIEVED, note: "Release notes (#16331) as quoted in dependabot PR FlyTune/MASPO-RL#9 (2026-04-06)." },
    },
    {
      version: "0.5.14",
      date: "2026-04",
      changes: ["the version the SGLang kernel profiles were fitted on"],
      source: { url: "https://github.com/sgl-project/sglang/releases", retrievedDate: RETRIEVED, note: "Release date not found in the sources searched; the date given is 0.5.10's, a lower bound." },
    },
  ],
  trtllm: [
    {
      version: "0.17.0",
      date: "2025-02",
      changes: ["PyTorch backend introduced (experimental, tensorrt_llm._torch); the TensorRT engine path stays the default"],
      source: { url: "https://nvidia.github.io/TensorRT-LLM/torch.html", retrievedDate: RETRIEVED, note: "'The PyTorch backend of TensorRT LLM is available in version 0.17 and later.'" },
    },
    {
      version: "1.0.0rc0",
      date: "2025-06",
      changes: ["PyTorch backend the default LLM API backend (TensorRT engines via tensorrt_llm._tensorrt_engine): no engine build, overlap scheduler on by default (disable_overlap_scheduler)"],
      source: {
        url: "https://github.com/NVIDIA/TensorRT-LLM/pull/5312",
        retrievedDate: RETRIEVED,
        note: "Breaking change merged 2025-06-18 after the 0.21 branch; 1.0.0 ships it (issue #8223, 2025-10-09: 'default backend change from TRT Engine to PyTorch'). Overlap scheduler: https://nvidia.github.io/TensorRT-LLM/latest/features/overlap-scheduler.html",
      },
    },
    {
      version: "1.3.0rc7",
      date: "2026-03-10",
      changes: ["KVCacheManagerV2 capacity control (max_gpu_total_bytes), heterogeneous tokens_per_block"],
      source: { url: "https://github.com/NVIDIA/TensorRT-LLM/releases/tag/v1.3.0rc7", retrievedDate: RETRIEVED },
    },
    {
      version: "1.3.0rc20",
      date: "2026-05-18",
      changes: ["the version the TensorRT-LLM kernel profiles were fitted on"],
      source: {
        url: "https://github.com/NVIDIA/TensorRT-LLM/releases",
        retrievedDate: RETRIEVED,
        note: "Release date not found; 1.3.0rc14 was the latest pre-release on 2026-05-18 (SemiAnalysisAI/InferenceX#1487), so that date is a lower bound.",
      },
    },
  ],
};

/** A note about how a requested version relates to the fitted profile (text as data; shells choose how to show it). */
export type EngineNote =
  | { code: "profile_version_assumed"; severity: "info"; message: string }
  | { code: "no_versioned_profile"; severity: "info"; message: string }
  | { code: "unparsable_version"; severity: "warning"; version: string; message: string }
  | { code: "version_differs"; severity: "info" | "warning"; version: string; profileVersion: string; changes: string[]; message: string };

export interface ResolvedEngine {
  name: Engine;
  /** The requested version; the fitted one when none was requested; null when neither exists. */
  version: string | null;
  /** The fitted profile version predictions use; null when the engine has none. */
  profileVersion: string | null;
  notes: EngineNote[];
}

/**
 * Resolves a scenario's engine to its fitted profile version (nearestVersion over the fitted versions, one per engine
 * today) and says how far the request is from it: a warning when the two differ in major version or when a listed
 * performance change lies between them (the releases after the older and up to the newer), else an info note.
 */
export function resolveEngine(spec: EngineSpec): ResolvedEngine {
  const name = engineNameOf(spec);
  const requested = engineVersionOf(spec);
  const fitted = FITTED_PROFILE_VERSIONS[name];
  if (fitted === undefined) {
    const notes: EngineNote[] = requested === undefined ? [] : [{ code: "no_versioned_profile", severity: "info", message: `${name} has no version-fitted profile; version ${requested} does not change the prediction` }];
    return { name, version: requested ?? null, profileVersion: null, notes };
  }
  if (requested === undefined) {
    return { name, version: fitted, profileVersion: fitted, notes: [{ code: "profile_version_assumed", severity: "info", message: `no ${name} version given; the profile fitted on ${fitted} is used` }] };
  }
  if (!parseVersion(requested)) {
    return {
      name,
      version: requested,
      profileVersion: fitted,
      notes: [{ code: "unparsable_version", severity: "warning", version: requested, message: `${name} version ${JSON.stringify(requested)} is not a version number; the profile fitted on ${fitted} is used` }],
    };
  }
  const profileVersion = nearestVersion(requested, [fitted])!;
  if (compareVersions(requested, profileVersion) === 0) return { name, version: requested, profileVersion, notes: [] };
  const changes = changesBetween(name, requested, profileVersion);
  const majorDiffers = parseVersion(requested)!.release[0] !== parseVersion(profileVersion)!.release[0];
  const far = majorDiffers || changes.length > 0;
  const direction = compareVersions(requested, profileVersion) < 0 ? "older than" : "newer than";
  const message = far
    ? `${name} ${requested} is far from the profile fitted on ${profileVersion} (${direction} it${changes.length ? `; performance changes between them: ${changes.join("; ")}` : ", another major version"}); predictions may be off`
    : `${name} ${requested} uses the profile fitted on ${profileVersion} (no listed performance change between them)`;
  return { name, version: requested, profileVersion, notes: [{ code: "version_differs", severity: far ? "warning" : "info", version: requested, profileVersion, changes, message }] };
}

/** Listed changes of the releases after the older of a and b, up to and including the newer (a fitted version's own entry excluded). */
export function changesBetween(name: Engine, a: string, b: string): string[] {
  const [lo, hi] = compareVersions(a, b) <= 0 ? [a, b] : [b, a];
  const fitted = FITTED_PROFILE_VERSIONS[name];
  return (ENGINE_VERSIONS[name] ?? []).filter((v) => compareVersions(v.version, lo) > 0 && compareVersions(v.version, hi) <= 0 && v.version !== fitted).map((v) => `${v.version}: ${v.changes.join("; ")}`);
}
