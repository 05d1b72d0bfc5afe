// Computes the quantities of the check language from the engine, the catalogs and the price book.
import { parseArchitecture, type Architecture } from "../core/architecture.js";
import { defaultUsdPerHour } from "../core/hardware.js";
import { shapeModel } from "../core/model-shape.js";
import { countParameters } from "../core/parameters.js";
import { predict } from "../core/predict.js";
import { fail, ok, type Result } from "../core/result.js";
import { computeOptimal, inferenceAdjustedOptimal, LOSS_FITS } from "../core/scaling.js";
import type { Prediction } from "../core/scenario.js";
import { trainingFlopsPerToken } from "../core/training.js";
import { parseScenario } from "../core/validate.js";
import { SECONDS_PER_HOUR } from "../core/units.js";
import { findAccelerator } from "../catalog/accelerators/index.js";
import { resolveModelId } from "../catalog/models/index.js";
import { resolveScenario } from "../catalog/resolve.js";
import { computeBill, contextTierFor } from "../prices/bill.js";
import { type PriceBook, priceAt, tierRuleAt } from "../prices/book.js";
import { computeTco, rentalAt } from "../prices/tco.js";
import type { Quantity } from "./check-schema.js";

export type Computed = number | string | boolean;

/** What quantities are computed against: one price book, a reference date, and a memo of predictions. */
export interface QuantityContext {
  book: PriceBook;
  /** YYYY-MM-DD; default date for rental lookups. */
  todayDate: string;
  predictions: Map<string, Result<Prediction>>;
}

const MILLION = 1e6;

function issueOf(code: string, message: string): Result<never> {
  return fail({ code, message });
}

function architectureOf(model: string): Result<Architecture> {
  const resolved = resolveModelId(model);
  if (!resolved) return issueOf("unknown_model", `unknown model "${model}"`);
  return parseArchitecture(resolved.entry.config);
}

function predictionFor(raw: Record<string, unknown>, ctx: QuantityContext): Result<Prediction> {
  const key = JSON.stringify(raw);
  const memo = ctx.predictions.get(key);
  if (memo) return memo;
  const scenario = parseScenario(raw);
  let result: Result<Prediction>;
  if (!scenario.ok) result = scenario;
  else {
    const input = resolveScenario(scenario.value);
    result = input.ok ? ok(predict(input.value)) : input;
  }
  ctx.predictions.set(key, result);
  return result;
}

function finite(value: number | null | undefined, what: string): Result<Computed> {
  if (value === null || value === undefined || !Number.isFinite(value)) return issueOf("not_applicable", `${what} is not available`);
  return ok(value);
}

/** Evaluates one quantity; failures (unknown model, no price on that date, ...) are values with a message. */
export function computeQuantity(q: Quantity, ctx: QuantityContext): Result<Computed> {
  switch (q.kind) {
    case "number":
      return ok(q.args.number);
    case "predict": {
      const p = predictionFor(q.args.predict, ctx);
      if (!p.ok) return p;
      const field = q.args.field;
      if (field === "fits") return ok(p.value.fits);
      if (field === "bound") return p.value.bound === null ? issueOf("not_applicable", "bound is not available") : ok(p.value.bound);
      if (!p.value.fits) return issueOf("does_not_fit", `the scenario does not fit: ${p.value.issues.map((i) => i.message).join("; ")}`);
      const count = (q.args.predict.hardware as { count: number }).count;
      if (field === "outputTokensPerSecondPerAccelerator") return finite(p.value.outputTokensPerSecond === null ? null : p.value.outputTokensPerSecond / count, field);
      if (field === "inputTokensPerSecondPerAccelerator") return finite(p.value.inputTokensPerSecond === null ? null : p.value.inputTokensPerSecond / count, field);
      return finite(p.value[field], field);
    }
    case "price": {
      const a = q.args.price;
      const quote = priceAt(ctx.book, a.model, a.at, a.provider);
      if (!quote.ok) return quote;
      const row = quote.value.row;
      const tier = a.contextTokens === undefined ? null : contextTierFor(row, a.contextTokens);
      const rates = {
        input: tier?.inputUsdPerMillionTokens ?? row.inputUsdPerMillionTokens,
        output: tier ? tier.outputUsdPerMillionTokens : row.outputUsdPerMillionTokens,
        cache_read: tier?.cacheReadUsdPerMillionTokens ?? row.cacheReadUsdPerMillionTokens,
        cache_write: tier?.cacheWriteUsdPerMillionTokens ?? row.cacheWriteUsdPerMillionTokens,
      };
      return finite(rates[a.kind], `${a.kind} price of ${quote.value.modelId} (${quote.value.provider}) on ${a.at}`);
    }
    case "tier_multiplier": {
      const a = q.args.tier_multiplier;
      const rule = tierRuleAt(ctx.book, a.provider, a.tier, a.model, a.at);
      if (!rule) return issueOf("no_tier", `${a.provider} has no ${a.tier} tier for ${a.model} on ${a.at}`);
      return ok(a.kind === "input" ? rule.inputMultiplier : rule.outputMultiplier);
    }
    case "bill": {
      const { model, at, provider, ...input } = q.args.bill;
      const quote = priceAt(ctx.book, model, at, provider);
      if (!quote.ok) return quote;
      const batch = tierRuleAt(ctx.book, quote.value.provider, "batch", quote.value.modelId, at);
      const bill = computeBill(quote.value.row, input, batch);
      if (!bill.ok) return bill;
      return ok(bill.value[q.args.field]);
    }
    case "param_count": {
      const arch = architectureOf(q.args.param_count.model);
      if (!arch.ok) return arch;
      const counts = countParameters(arch.value);
      return ok(q.args.param_count.which === "total" ? counts.totalCount : counts.activeCount);
    }
    case "kv_bytes_per_token": {
      const a = q.args.kv_bytes_per_token;
      const arch = architectureOf(a.model);
      if (!arch.ok) return arch;
      return ok(shapeModel(arch.value, { weights: "bf16", activations: "bf16", kvCache: a.kvCache }).kvBytesPerToken);
    }
    case "weight_bytes": {
      const a = q.args.weight_bytes;
      const arch = architectureOf(a.model);
      if (!arch.ok) return arch;
      return ok(shapeModel(arch.value, { weights: a.weights, activations: "bf16", kvCache: "bf16" }).weightBytes);
    }
    case "training_flops": {
      const a = q.args.training_flops;
      let params = a.paramCount;
      if (a.model !== undefined) {
        const arch = architectureOf(a.model);
        if (!arch.ok) return arch;
        params = countParameters(arch.value).activeCount;
      }
      return ok(trainingFlopsPerToken(params!).flopsPerToken * a.tokenCount);
    }
    case "chinchilla_optimal": {
      const a = q.args.chinchilla_optimal;
      return ok(computeOptimal(LOSS_FITS[a.fit], a.budgetFlops)[q.args.field]);
    }
    case "inference_optimal": {
      const a = q.args.inference_optimal;
      const r = inferenceAdjustedOptimal(LOSS_FITS[a.fit], a.budgetFlops, a.inferenceTokens);
      const f = q.args.field;
      if (f === "savingsFraction") return finite(1 - r.totalFlops / r.chinchilla.totalFlops, f);
      if (f === "paramFraction") return finite(r.paramCount / r.chinchilla.paramCount, f);
      return finite(r[f], f);
    }
    case "accelerator":
      return acceleratorQuantity(q.args, ctx);
    case "tco": {
      const { tokensPerSecond, utilizationFraction, ...input } = q.args.tco;
      const tco = computeTco(input);
      if (!tco.ok) return tco;
      if (q.args.field === "usdPerHour") return ok(tco.value.usdPerHour);
      if (tokensPerSecond === undefined) return issueOf("missing_field", "usdPerMillionTokens needs tco.tokensPerSecond");
      return ok((tco.value.usdPerHour / (tokensPerSecond * SECONDS_PER_HOUR * utilizationFraction)) * MILLION);
    }
  }
}

function acceleratorQuantity(args: Extract<Quantity, { kind: "accelerator" }>["args"], ctx: QuantityContext): Result<Computed> {
  const a = args.accelerator;
  const acc = findAccelerator(a.id);
  if (!acc) return issueOf("unknown_accelerator", `unknown accelerator "${a.id}"`);
  const peak = acc.denseFlopsPerSecond[a.precision];
  const rental = a.at ? rentalAt(acc, a.rental, a.at) : rentalAt(acc, a.rental, ctx.todayDate);
  const usdPerHour = rental?.usdPerHour ?? (a.at === undefined && a.rental === "on-demand" ? defaultUsdPerHour(acc) : undefined);
  const noPeak = `${acc.id} has no dense ${a.precision} peak`;
  const noPrice = `${acc.id} has no ${a.rental} rental price${a.at ? ` on ${a.at}` : ""}`;
  switch (args.field) {
    case "memoryBytes":
      return ok(acc.memoryBytes);
    case "memoryBandwidthBytesPerSecond":
      return ok(acc.memoryBandwidthBytesPerSecond);
    case "denseFlopsPerSecond":
      return peak === undefined ? issueOf("unsupported_precision", noPeak) : ok(peak);
    case "tdpWatts":
      return ok(acc.tdpWatts);
    case "purchaseUsd":
      return finite(acc.purchaseUsd, `purchase price of ${acc.id}`);
    case "usdPerHour":
      return finite(usdPerHour, noPrice);
    case "scaleUpBandwidthBytesPerSecond":
      return ok(acc.scaleUp.bandwidthBytesPerSecond);
    case "scaleUpDomainSize":
      return ok(acc.scaleUp.domainSize);
    case "scaleOutBandwidthBytesPerSecond":
      return finite(acc.scaleOut?.bandwidthBytesPerSecond, `scale-out bandwidth of ${acc.id}`);
    case "flopsPerByte":
      return peak === undefined ? issueOf("unsupported_precision", noPeak) : ok(peak / acc.memoryBandwidthBytesPerSecond);
    case "flopsPerSecondPerUsdPerHour":
      if (peak === undefined) return issueOf("unsupported_precision", noPeak);
      return usdPerHour === undefined ? issueOf("no_price", noPrice) : ok(peak / usdPerHour);
    case "bandwidthBytesPerSecondPerUsdPerHour":
      return usdPerHour === undefined ? issueOf("no_price", noPrice) : ok(acc.memoryBandwidthBytesPerSecond / usdPerHour);
  }
}
