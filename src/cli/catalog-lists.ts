// `costcurve models` and `costcurve accelerators`: the catalogs as tables, CSV or JSON.
import type { Command } from "commander";
import { ACCELERATORS } from "../catalog/accelerators/index.js";
import { CHECKPOINTS, MODELS } from "../catalog/models/index.js";
import { parseArchitecture } from "../core/architecture.js";
import { defaultUsdPerHour } from "../core/hardware.js";
import { kvElementsPerTokenPerLayer } from "../core/model-shape.js";
import { countParameters } from "../core/parameters.js";
import { formatBytes, formatCsv, formatJson, formatSi, formatTable, formatUsd } from "../report/index.js";
import type { Io } from "./io.js";

/** Catalog models as flat rows: shapes, parameter counts and KV cache per token (bf16). */
export function modelRows() {
  return MODELS.map((m) => {
    const arch = parseArchitecture(m.config);
    if (!arch.ok)
      return { id: m.id, name: m.name, kind: "invalid", totalParamCount: null, activeParamCount: null, layerCount: null, hiddenSize: null, attention: null, kvBytesPerToken: null, maxContextTokens: null, sourceUrl: m.source.url };
    const a = arch.value;
    const params = countParameters(a);
    const attention = a.attention.kind === "mla" ? "MLA" : a.kvHeadCount === a.headCount ? "MHA" : a.kvHeadCount === 1 ? "MQA" : `GQA ${a.headCount}/${a.kvHeadCount}`;
    return {
      id: m.id,
      name: m.name,
      kind: a.moe ? `MoE ${a.moe.expertsPerToken}/${a.moe.routedExpertCount}` : a.kind,
      totalParamCount: params.totalCount,
      activeParamCount: params.activeCount,
      layerCount: a.layerCount,
      hiddenSize: a.hiddenSize,
      attention,
      kvBytesPerToken: a.kind === "encoder" ? 0 : kvElementsPerTokenPerLayer(a) * 2 * a.layerCount,
      maxContextTokens: a.maxContextTokens,
      sourceUrl: m.source.url,
    };
  });
}

/** Catalog accelerators as flat rows. */
export function acceleratorRows() {
  return ACCELERATORS.map((a) => ({
    id: a.id,
    name: a.name,
    vendor: a.vendor,
    bf16TflopsPerSecond: (a.denseFlopsPerSecond.bf16 ?? a.denseFlopsPerSecond.fp16 ?? 0) / 1e12 || null,
    fp8TflopsPerSecond: (a.denseFlopsPerSecond.fp8 ?? 0) / 1e12 || null,
    fp4TflopsPerSecond: (a.denseFlopsPerSecond.fp4 ?? 0) / 1e12 || null,
    memoryBytes: a.memoryBytes,
    memoryBandwidthBytesPerSecond: a.memoryBandwidthBytesPerSecond,
    scaleUp: `${a.scaleUp.name} x${a.scaleUp.domainSize}`,
    tdpWatts: a.tdpWatts,
    usdPerHour: defaultUsdPerHour(a),
    sourceUrl: a.sources[0]!.url,
  }));
}

export function registerModels(program: Command, io: Io): void {
  program
    .command("models")
    .description("list the shipped model catalog (parameters, attention, KV cache per token)")
    .option("--json", "print JSON")
    .option("--csv", "print CSV")
    .action((o: { json?: boolean; csv?: boolean }) => {
      const rows = modelRows();
      if (o.json) return void io.stdout(formatJson({ models: rows, checkpoints: CHECKPOINTS }) + "\n");
      const columns = [
        { key: "id" },
        { key: "kind" },
        { key: "totalParamCount", header: "params", format: (v: number) => formatSi(v, 3) },
        { key: "activeParamCount", header: "active", format: (v: number) => formatSi(v, 3) },
        { key: "layerCount", header: "layers" },
        { key: "attention" },
        { key: "kvBytesPerToken", header: "KV/token (bf16)", format: (v: number) => formatBytes(v) },
        { key: "maxContextTokens", header: "context", unit: "tokens" },
      ];
      io.stdout(o.csv ? formatCsv(columns, rows) : formatTable(columns, rows) + `\n${rows.length} models, ${CHECKPOINTS.length} quantized checkpoints (--json lists them)\n`);
    });
}

export function registerAccelerators(program: Command, io: Io): void {
  program
    .command("accelerators")
    .description("list the accelerator catalog (dense peaks, memory, links, price)")
    .option("--json", "print JSON (full rows with sources)")
    .option("--csv", "print CSV")
    .action((o: { json?: boolean; csv?: boolean }) => {
      if (o.json) return void io.stdout(formatJson(ACCELERATORS) + "\n");
      const rows = acceleratorRows();
      const tflops = (v: number) => formatSi(v * 1e12, 3).replace(/T$/, "");
      const columns = [
        { key: "id" },
        { key: "bf16TflopsPerSecond", header: "bf16", unit: "TFLOP/s", format: tflops },
        { key: "fp8TflopsPerSecond", header: "fp8", unit: "TFLOP/s", format: tflops },
        { key: "fp4TflopsPerSecond", header: "fp4", unit: "TFLOP/s", format: tflops },
        { key: "memoryBytes", header: "memory", format: (v: number) => formatBytes(v) },
        { key: "memoryBandwidthBytesPerSecond", header: "bandwidth", unit: "/s", format: (v: number) => formatBytes(v) },
        { key: "scaleUp", header: "scale-up" },
        { key: "tdpWatts", header: "TDP", unit: "W" },
        { key: "usdPerHour", header: "price", unit: "$/h", format: (v: number) => formatUsd(v) },
      ];
      io.stdout(o.csv ? formatCsv(columns, rows) : formatTable(columns, rows));
    });
}
