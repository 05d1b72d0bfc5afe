// The declarative check language of knowledge-base claims: quantities computed by the engine, catalogs and
// price book, compared with a claimed value. Plain data only; nothing here is ever evaluated as code.
import { z } from "zod";
import { Precision } from "../core/precision.js";
import { IsoDate } from "../core/calendar-date.js";

const positive = z.number().positive();
const fraction = z.number().min(0).max(1);
const Fit = z.enum(["hoffmann", "epoch"]);

export const PREDICT_FIELDS = [
  "fits",
  "bound",
  "outputTokensPerSecond",
  "inputTokensPerSecond",
  "outputTokensPerSecondPerAccelerator",
  "inputTokensPerSecondPerAccelerator",
  "ttftSeconds",
  "tpotSeconds",
  "concurrency",
  "requestsPerSecond",
  "e2eSeconds",
  "usdPerMillionOutputTokens",
  "usdPerMillionInputTokens",
  "kwhPerMillionTokens",
  "gramsCo2PerMillionTokens",
] as const;

export const ACCELERATOR_FIELDS = [
  "memoryBytes",
  "memoryBandwidthBytesPerSecond",
  "denseFlopsPerSecond",
  "tdpWatts",
  "purchaseUsd",
  "usdPerHour",
  "scaleUpBandwidthBytesPerSecond",
  "scaleOutBandwidthBytesPerSecond",
  "scaleUpDomainSize",
  /** Ridge point of the roofline: dense FLOP/s over memory bandwidth. */
  "flopsPerByte",
  "flopsPerSecondPerUsdPerHour",
  "bandwidthBytesPerSecondPerUsdPerHour",
] as const;

/** One argument schema per quantity kind; `field` picks an output where a kind has several. */
export const QUANTITY_KINDS = {
  predict: z.strictObject({ predict: z.record(z.string(), z.unknown()), field: z.enum(PREDICT_FIELDS) }),
  price: z.strictObject({
    price: z.strictObject({
      model: z.string().min(1),
      at: IsoDate,
      kind: z.enum(["input", "output", "cache_read", "cache_write"]),
      provider: z.string().min(1).optional(),
      /** Input tokens of one request, to pick a long-context tier. */
      contextTokens: positive.optional(),
    }),
  }),
  tier_multiplier: z.strictObject({
    tier_multiplier: z.strictObject({
      provider: z.string().min(1),
      tier: z.enum(["batch", "flex", "priority"]),
      model: z.string().min(1),
      at: IsoDate,
      kind: z.enum(["input", "output"]),
    }),
  }),
  bill: z.strictObject({
    bill: z.strictObject({
      model: z.string().min(1),
      at: IsoDate,
      provider: z.string().min(1).optional(),
      inputTokens: z.number().nonnegative(),
      outputTokens: z.number().nonnegative(),
      requestCount: z.number().int().positive().optional(),
      cacheHitFraction: fraction.optional(),
      cacheWriteFraction: fraction.optional(),
      batchShareFraction: fraction.optional(),
      contextPerRequestTokens: positive.optional(),
      tokenizerInflation: positive.optional(),
    }),
    field: z.enum(["totalUsd", "usdPerRequest"]).default("totalUsd"),
  }),
  param_count: z.strictObject({
    param_count: z.strictObject({ model: z.string().min(1), which: z.enum(["total", "active"]).default("total") }),
  }),
  kv_bytes_per_token: z.strictObject({
    kv_bytes_per_token: z.strictObject({ model: z.string().min(1), kvCache: Precision.default("bf16") }),
  }),
  weight_bytes: z.strictObject({
    weight_bytes: z.strictObject({ model: z.string().min(1), weights: Precision.default("bf16") }),
  }),
  training_flops: z.strictObject({
    training_flops: z
      .strictObject({ paramCount: positive.optional(), model: z.string().min(1).optional(), tokenCount: positive })
      .refine((v) => (v.paramCount === undefined) !== (v.model === undefined), "give exactly one of paramCount or model"),
  }),
  chinchilla_optimal: z.strictObject({
    chinchilla_optimal: z.strictObject({ budgetFlops: positive, fit: Fit.default("epoch") }),
    field: z.enum(["tokensPerParam", "paramCount", "tokenCount", "loss"]),
  }),
  inference_optimal: z.strictObject({
    inference_optimal: z.strictObject({ budgetFlops: positive, inferenceTokens: z.number().nonnegative(), fit: Fit.default("epoch") }),
    field: z.enum(["tokensPerParam", "paramCount", "tokenCount", "totalFlops", "savingsFraction", "paramFraction"]),
  }),
  accelerator: z.strictObject({
    accelerator: z.strictObject({
      id: z.string().min(1),
      precision: z.enum(["fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4", "int4"]).default("bf16"),
      rental: z.enum(["on-demand", "reserved", "spot"]).default("on-demand"),
      at: IsoDate.optional(),
    }),
    field: z.enum(ACCELERATOR_FIELDS),
  }),
  tco: z.strictObject({
    tco: z.strictObject({
      acquisition: z.union([
        z.strictObject({ kind: z.literal("rent"), usdPerHour: z.number().nonnegative() }),
        z.strictObject({
          kind: z.literal("buy"),
          purchaseUsd: positive,
          depreciationYears: positive,
          residualFraction: fraction.optional(),
          costOfCapitalFraction: fraction.optional(),
        }),
      ]),
      power: z.strictObject({ tdpWatts: positive, drawFraction: fraction, pue: z.number().min(1).max(5), usdPerKwh: z.number().nonnegative() }).optional(),
      hostUsdPerHour: z.number().nonnegative().optional(),
      /** With tokensPerSecond and utilizationFraction, the field usdPerMillionTokens is available. */
      tokensPerSecond: positive.optional(),
      utilizationFraction: z.number().gt(0).max(1).default(1),
    }),
    field: z.enum(["usdPerHour", "usdPerMillionTokens"]).default("usdPerHour"),
  }),
  number: z.strictObject({ number: z.number() }),
} as const;

export type QuantityKind = keyof typeof QUANTITY_KINDS;
export type Quantity = { [K in QuantityKind]: { kind: K; args: z.infer<(typeof QUANTITY_KINDS)[K]> } }[QuantityKind];

export const OPS = ["<", "<=", ">", ">=", "==", "!=", "between"] as const;
export type Op = (typeof OPS)[number];

/** The claimed side: a comparison with a value; `tolerance` is relative (0.1 = 10% of the claimed value). */
export const Expect = z
  .strictObject({
    op: z.enum(OPS),
    value: z.union([z.number(), z.string(), z.boolean(), z.tuple([z.number(), z.number()])]),
    tolerance: z.number().min(0).max(1).default(0),
  })
  .superRefine((e, ctx) => {
    const range = Array.isArray(e.value);
    if ((e.op === "between") !== range) ctx.addIssue({ code: "custom", path: ["value"], message: `op "between" takes [low, high]; other ops take one value` });
    if (Array.isArray(e.value) && e.value[0] > e.value[1]) ctx.addIssue({ code: "custom", path: ["value"], message: "between: low must not exceed high" });
    if (typeof e.value !== "number" && !range && !["==", "!="].includes(e.op)) {
      ctx.addIssue({ code: "custom", path: ["op"], message: `op "${e.op}" needs a numeric value; text and booleans take == or !=` });
    }
  });
export type Expect = z.infer<typeof Expect>;

export interface ValueCheck {
  form: "value";
  name: string | null;
  quantity: Quantity;
  expect: Expect;
  knownFailure: string | null;
}

export interface CompareCheck {
  form: "compare";
  name: string | null;
  left: Quantity;
  right: Quantity;
  /** left op factor x right. */
  op: Exclude<Op, "between" | "!=">;
  factor: number;
  tolerance: number;
  knownFailure: string | null;
}

export type Check = ValueCheck | CompareCheck;
