// A declared, sourced matching of hosted API models to open-weight models of comparable capability class:
// the margin compression index divides an API's list price by the modeled cost floor of its match.
// A match is a judgement about quality class, not a claim about the API model's architecture (except
// where marked exact: the provider serves the open weights themselves).
import { z } from "zod";
import { Source } from "../core/hardware.js";
import { source } from "./schema.js";

export const ModelMatch = z.strictObject({
  /** Canonical price-book id of the API model. */
  apiModelId: z.string().min(1),
  /** Catalog id of the open model whose cost floor stands in for it. */
  openModelId: z.string().min(1),
  /** exact: the API serves these open weights; class: comparable quality on public leaderboards or the open model's release. */
  kind: z.enum(["exact", "class"]),
  rationale: z.string().min(1),
  source: Source,
});
export type ModelMatch = z.infer<typeof ModelMatch>;

const ARENA_2024_07 = "https://openlm.ai/chatbot-arena/";
const ARENA_NOTE_2024_09 = "LMSYS Chatbot Arena snapshot (mirror): GPT-4o-mini 1274, Llama-3.1-405B 1266, Claude 3 Opus 1248, Llama-3.1-70B 1249, Llama-3.1-8B 1168";
const LLAMA33 = "https://oss.report/models/meta-llama/Llama-3.3-70B-Instruct";
const QWEN3 = "https://www.gocodeo.com/post/qwen-3-models-architecture-benchmarks-training-more";
const QWEN3_30B = "https://qwen-ai.chat/news/chinas-alibaba-outperforms-meta-with-new-qwen-3-ai-models";
const AA_GPT_OSS = "https://threadreaderapp.com/thread/1952887733803991070";
const KIMI = "https://github.com/MoonshotAI/Kimi-K2";
const LLAMA3_VS_GEMINI = "https://www.capestart.com/resources/blog/the-battle-of-the-llms-llama-3-vs-gpt-4-vs-gemini/";

const LLAMA_8B = "meta-llama/Llama-3.1-8B";
const LLAMA3_70B = "meta-llama/Meta-Llama-3-70B";
const LLAMA31_70B = "meta-llama/Llama-3.1-70B";
const LLAMA33_70B = "meta-llama/Llama-3.3-70B-Instruct";
const LLAMA_405B = "meta-llama/Llama-3.1-405B";
const QWEN3_30B_A3B = "Qwen/Qwen3-30B-A3B";
const QWEN3_32B = "Qwen/Qwen3-32B";
const QWEN3_235B = "Qwen/Qwen3-235B-A22B";
const DEEPSEEK_V3 = "deepseek-ai/DeepSeek-V3";
const KIMI_K2 = "moonshotai/Kimi-K2-Instruct";
const GPT_OSS_120B = "openai/gpt-oss-120b";
const GPT_OSS_20B = "openai/gpt-oss-20b";

const rows: Array<z.input<typeof ModelMatch>> = [
  // OpenAI
  {
    apiModelId: "gpt-4",
    openModelId: LLAMA_405B,
    kind: "class",
    rationale: "GPT-4 (2023) sits just below Llama 3.1 405B on the Arena and MMLU (86.4 vs 88.6); Llama 2 70B was far weaker, so 405B is the nearest open class",
    source: source(ARENA_2024_07, `${ARENA_NOTE_2024_09}; GPT-4-0613 below GPT-4-Turbo`),
  },
  { apiModelId: "gpt-4-turbo", openModelId: LLAMA_405B, kind: "class", rationale: "GPT-4-Turbo-2024-04-09 (Arena 1257) and Llama-3.1-405B (1266) are within 10 Elo", source: source(ARENA_2024_07, ARENA_NOTE_2024_09) },
  {
    apiModelId: "gpt-4o",
    openModelId: LLAMA33_70B,
    kind: "class",
    rationale: "Llama 3.3 70B matches Llama 3.1 405B on Meta's evaluations, which were published against GPT-4o",
    source: source(LLAMA33, "Llama 3.3 70B vs 3.1 405B: IFEval 92.1 vs 88.6, MATH 77.0 vs 73.8, GPQA 50.5 vs 49.0"),
  },
  {
    apiModelId: "gpt-4o-mini",
    openModelId: LLAMA_8B,
    kind: "class",
    rationale: "small fast tier; GPT-4o mini scores above Llama 3.1 8B on the Arena (1274 vs 1168), so the 8B floor is a lower bound of its class",
    source: source(ARENA_2024_07, ARENA_NOTE_2024_09),
  },
  {
    apiModelId: "gpt-4.1",
    openModelId: KIMI_K2,
    kind: "class",
    rationale: "Kimi K2's release benchmarks put it level with or above GPT-4.1 (non-reasoning)",
    source: source(KIMI, "Kimi K2 release: LiveCodeBench 53.7 vs GPT-4.1 44.7; comparable on SWE-bench and tool use"),
  },
  { apiModelId: "gpt-4.1-mini", openModelId: QWEN3_32B, kind: "class", rationale: "mid tier below GPT-4.1: a dense ~30B open model", source: source(QWEN3, "Qwen3 dense 32B; the 4B rivals Qwen2.5-72B-Instruct") },
  {
    apiModelId: "gpt-4.1-nano",
    openModelId: GPT_OSS_20B,
    kind: "class",
    rationale: "the smallest OpenAI API tier; gpt-oss-20b (Artificial Analysis index 48) is the open model of that size class",
    source: source(AA_GPT_OSS, "Artificial Analysis: gpt-oss-120b index 58, gpt-oss-20b 48"),
  },
  {
    apiModelId: "gpt-5",
    openModelId: DEEPSEEK_V3,
    kind: "class",
    rationale: "frontier reasoning tier; DeepSeek R1 (same V3 architecture) is among the top open reasoning models on Artificial Analysis (59)",
    source: source(AA_GPT_OSS, "Artificial Analysis: DeepSeek R1 0528 index 59, Qwen3 235B 2507 64"),
  },
  {
    apiModelId: "gpt-5-mini",
    openModelId: GPT_OSS_120B,
    kind: "class",
    rationale: "gpt-oss-120b comes in just behind o4-mini, the reasoning tier GPT-5 mini replaced",
    source: source(AA_GPT_OSS, "Artificial Analysis: gpt-oss-120b beats o3-mini, behind o4-mini"),
  },
  { apiModelId: "gpt-5-nano", openModelId: GPT_OSS_20B, kind: "class", rationale: "smallest reasoning tier; gpt-oss-20b is OpenAI's own small open reasoning model", source: source(AA_GPT_OSS, "Artificial Analysis: gpt-oss-20b index 48") },
  // Anthropic
  {
    apiModelId: "claude-3-haiku",
    openModelId: LLAMA_8B,
    kind: "class",
    rationale: "8B class: Claude 3 Haiku and Llama 3.1 8B both sit near 1170-1180 Elo on the Arena",
    source: source("https://www.machinoai.in/ai-tools/model-leaderboard", "Arena-based table: Claude 3 Haiku 1168"),
  },
  {
    apiModelId: "claude-3-sonnet",
    openModelId: LLAMA3_70B,
    kind: "class",
    rationale: "Meta launched Llama 3 70B against Claude 3 Sonnet and Gemini Pro 1.5 and matched them on MMLU/GPQA/HumanEval",
    source: source(LLAMA3_VS_GEMINI, "Llama 3 70B MMLU 82.0 vs Gemini Pro 1.5 81.9; Meta's launch comparison included Claude 3 Sonnet"),
  },
  { apiModelId: "claude-3-opus", openModelId: LLAMA_405B, kind: "class", rationale: "Claude 3 Opus (Arena 1248) is just below Llama 3.1 405B (1266)", source: source(ARENA_2024_07, ARENA_NOTE_2024_09) },
  {
    apiModelId: "claude-3-5-haiku",
    openModelId: LLAMA31_70B,
    kind: "class",
    rationale: "Claude 3.5 Haiku was positioned at GPT-4o-mini quality; Llama 3.1 70B (Arena 1249) is the open model of that level",
    source: source(ARENA_2024_07, ARENA_NOTE_2024_09),
  },
  { apiModelId: "claude-3-5-sonnet", openModelId: LLAMA_405B, kind: "class", rationale: "Meta released Llama 3.1 405B against Claude 3.5 Sonnet and GPT-4o; Arena 1266 vs 1270", source: source(ARENA_2024_07, ARENA_NOTE_2024_09) },
  {
    apiModelId: "claude-sonnet-4",
    openModelId: KIMI_K2,
    kind: "class",
    rationale: "Kimi K2 was released benchmarked against Claude Sonnet 4 and matches it on tool use and coding",
    source: source(KIMI, "Kimi K2 release table compares against Claude Sonnet 4 and Opus 4"),
  },
  {
    apiModelId: "claude-opus-4",
    openModelId: KIMI_K2,
    kind: "class",
    rationale: "the largest open model of the period; Kimi K2 surpasses Claude Opus 4 on several coding benchmarks but not overall, so its floor is a lower bound",
    source: source(KIMI, "Kimi K2 outperforms Claude Opus 4 on coding benchmarks (release)"),
  },
  {
    apiModelId: "claude-opus-4-5",
    openModelId: KIMI_K2,
    kind: "class",
    rationale: "frontier tier; Kimi K2 is the largest open model in the catalog, so its floor is a lower bound",
    source: source(KIMI, "Kimi K2: 1T total, 32B active parameters"),
  },
  // Google
  { apiModelId: "gemini-1.5-pro", openModelId: LLAMA3_70B, kind: "class", rationale: "Llama 3 70B launched level with Gemini Pro 1.5 (MMLU 82.0 vs 81.9)", source: source(LLAMA3_VS_GEMINI, "MMLU: Gemini Pro 1.5 81.9, Llama 3 70B 82.0") },
  {
    apiModelId: "gemini-1.5-flash",
    openModelId: QWEN3_30B_A3B,
    kind: "class",
    rationale: "Flash tier = small, fast MoE; Qwen3-30B-A3B (3B active) is the open model built for that niche",
    source: source(QWEN3_30B, "Qwen3-30B-A3B, 3B active parameters, outperforms GPT-4o and DeepSeek V3 on Qwen's benchmarks"),
  },
  { apiModelId: "gemini-2.0-flash", openModelId: QWEN3_30B_A3B, kind: "class", rationale: "Flash tier = small, fast MoE (Qwen3-30B-A3B)", source: source(QWEN3_30B, "Qwen3-30B-A3B, 3B active parameters") },
  {
    apiModelId: "gemini-2.5-flash",
    openModelId: QWEN3_30B_A3B,
    kind: "class",
    rationale: "Flash tier = small, fast MoE; observers placed Qwen3 at Gemini 2.5 Flash's price/quality point",
    source: source("https://news-pravda.com/world/2025/04/29/1281290.html", "Qwen3 competes with Gemini 2.5 Flash on price/quality/performance"),
  },
  {
    apiModelId: "gemini-2.5-pro",
    openModelId: QWEN3_235B,
    kind: "class",
    rationale: "Qwen3-235B-A22B was released as competitive with Gemini 2.5 Pro, o1 and DeepSeek-R1",
    source: source(QWEN3, "Qwen3-235B-A22B competitive with DeepSeek-R1, o1, o3-mini, Grok-3 and Gemini 2.5 Pro"),
  },
  {
    apiModelId: "gemini-3-pro-preview",
    openModelId: KIMI_K2,
    kind: "class",
    rationale: "frontier tier; Kimi K2 is the largest open model in the catalog, so its floor is a lower bound",
    source: source(KIMI, "Kimi K2: 1T total, 32B active parameters"),
  },
  // the API serves the open weights themselves
  {
    apiModelId: "deepseek-chat",
    openModelId: DEEPSEEK_V3,
    kind: "exact",
    rationale: "deepseek-chat serves the DeepSeek-V3 open weights (V3, V3.1, V3.2 share the architecture)",
    source: source("https://api-docs.deepseek.com/quick_start/pricing", "deepseek-chat = DeepSeek-V3 series"),
  },
  {
    apiModelId: "deepseek-reasoner",
    openModelId: DEEPSEEK_V3,
    kind: "exact",
    rationale: "deepseek-reasoner serves DeepSeek-R1, which has the DeepSeek-V3 architecture",
    source: source("https://api-docs.deepseek.com/quick_start/pricing", "deepseek-reasoner = DeepSeek-R1 (V3 architecture)"),
  },
  { apiModelId: "llama-3.1-405b-instruct", openModelId: LLAMA_405B, kind: "exact", rationale: "hosts serve Llama 3.1 405B itself", source: source("https://www.together.ai/pricing", "Together Llama 3.1 405B Instruct Turbo (FP8)") },
  { apiModelId: "llama-3.1-70b-instruct", openModelId: LLAMA31_70B, kind: "exact", rationale: "hosts serve Llama 3.1 70B itself", source: source("https://www.together.ai/pricing", "Together Llama 3.1 70B Instruct Turbo") },
  { apiModelId: "llama-3.3-70b-instruct", openModelId: LLAMA33_70B, kind: "exact", rationale: "hosts serve Llama 3.3 70B itself", source: source("https://www.together.ai/pricing", "Together Llama 3.3 70B Instruct Turbo") },
];

/** Every declared match, parsed at load (a bad row fails fast). */
export const MODEL_MATCHES: readonly ModelMatch[] = Object.freeze(rows.map((r) => ModelMatch.parse(r)));

/** The match for a canonical API model id, or undefined. */
export function matchFor(apiModelId: string): ModelMatch | undefined {
  return MODEL_MATCHES.find((m) => m.apiModelId === apiModelId);
}
