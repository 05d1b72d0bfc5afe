#!/usr/bin/env node
// Dev-only: fit src/core/operators.ts forms to NVIDIA AIConfigurator's measured kernel tables.
// Usage: node scripts/fit-kernels.mjs [/work/shared/kernels]
// Writes src/catalog/kernel-profiles/*.ts, docs/kernel-fit.json and docs/kernel-fit.md (the table part).
// Fit: robust (Huber, IRLS) Levenberg-Marquardt on log(pred/measured), parameters in log space,
// on a deterministic 80% of rows (FNV-1a hash of the row's inputs); errors reported on the other 20%.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tmpdir } from "node:os";
import ts from "typescript";
import YAML from "yaml";
import { parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = process.argv[2] ?? "/work/shared/kernels";
const dataDir = join(root, "aiconfigurator", "data");
const COMMIT = "095f58a51c4ca8e61b66ec108d86f223f8d559ce";
const COMMIT_DATE = "2026-08-21";
const only = process.env.FIT_ONLY?.split(",");

// One source of truth for the formulas: transpile the pure core module and import it.
const src = readFileSync(join(repo, "src/core/operators.ts"), "utf8");
const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const tmp = join(tmpdir(), `operators-${process.pid}.mjs`);
writeFileSync(tmp, js);
const ops = await import(pathToFileURL(tmp).href);

const SYSTEMS = {
  a100_sxm: ["a100-sxm-80gb", "a100-sxm-40gb"],
  h100_sxm: ["h100-sxm"],
  h200_sxm: ["h200-sxm"],
  b200_sxm: ["b200"],
  b300_sxm: ["b300"],
  gb200: ["gb200"],
  gb300: ["gb300"],
  l40s: ["l40s"],
  rtx_pro_6000_server: ["rtx-pro-6000"],
  b60: ["arc-pro-b60"],
};
const FRAMEWORKS = ["trtllm", "vllm", "sglang"];
const GEMM_FORMAT = { bfloat16: "bf16", fp8: "fp8", fp8_block: "fp8_block", nvfp4: "nvfp4", int4_wo: "int4", w4a16_mxfp4: "int4" };
const KV = { bfloat16: "bf16", fp8: "fp8" };

async function readTable(file, columns) {
  const buf = readFileSync(file);
  const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), compressors });
  return rows
    .map((r) => {
      const o = {};
      for (const [k, v] of Object.entries(r)) o[k] = typeof v === "bigint" ? Number(v) : v;
      return o;
    })
    .filter((r) => typeof r.latency === "number" && r.latency > 0 && Number.isFinite(r.latency));
}

function versionDir(system, family, fw) {
  const d = join(dataDir, system, family, fw);
  if (!existsSync(d)) return null;
  const vs = readdirSync(d).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return vs.length ? { dir: join(d, vs.at(-1)), version: vs.at(-1) } : null;
}

function fnv(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// Dedupe identical inputs (several kernels measured for one shape): keep the fastest, as the engine's autotuner would.
function dedupe(rows, keyCols, combine = "min") {
  const m = new Map();
  for (const r of rows) {
    const key = keyCols.map((c) => r[c]).join("|");
    const cur = m.get(key);
    if (!cur) m.set(key, { key, row: r, y: r.latency, kernels: new Set([r.kernel_source]) });
    else if (combine === "sum") {
      if (!cur.kernels.has(r.kernel_source)) {
        cur.y += r.latency;
        cur.kernels.add(r.kernel_source);
      }
    } else cur.y = Math.min(cur.y, r.latency);
  }
  return [...m.values()];
}

function solve(A, b) {
  const n = b.length,
    M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    if (Math.abs(M[c][c]) < 1e-300) return null;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

const HUBER = 0.1;
function fitTask(task) {
  const { keys, predict } = task;
  const P = keys.length;
  const toParams = (th) => Object.fromEntries(keys.map((k, i) => [k, k === "sharpness" ? 1 + Math.exp(th[i]) : Math.exp(th[i])]));
  const train = task.rows.filter((r) => r.train);
  const sample = [...train].sort((a, b) => a.h - b.h).slice(0, 2500);
  const resid = (th) => {
    const p = toParams(th);
    return sample.map((r) => {
      const v = Math.log(predict(p, r.x) / r.y);
      return Number.isFinite(v) ? v : 10;
    });
  };
  const loss = (r) => r.reduce((s, v) => s + (Math.abs(v) <= HUBER ? 0.5 * v * v : HUBER * (Math.abs(v) - 0.5 * HUBER)), 0);
  let best = null;
  for (const init of task.inits) {
    let th = keys.map((k) => Math.log(k === "sharpness" ? Math.max(1e-3, init[k] - 1) : Math.max(1e-30, init[k])));
    let r = resid(th),
      L = loss(r),
      lambda = 1e-2;
    for (let it = 0; it < 60; it++) {
      const w = r.map((v) => (Math.abs(v) <= HUBER ? 1 : HUBER / Math.abs(v)));
      const J = [];
      for (let j = 0; j < P; j++) {
        const t2 = [...th];
        t2[j] += 1e-4;
        const r2 = resid(t2);
        J.push(r2.map((v, i) => (v - r[i]) / 1e-4));
      }
      const A = Array.from({ length: P }, (_, a) =>
        Array.from({ length: P }, (_, b) => {
          let s = 0;
          for (let i = 0; i < r.length; i++) s += w[i] * J[a][i] * J[b][i];
          return s;
        }),
      );
      const g = Array.from({ length: P }, (_, a) => {
        let s = 0;
        for (let i = 0; i < r.length; i++) s += w[i] * J[a][i] * r[i];
        return s;
      });
      let improved = false;
      for (let tries = 0; tries < 8; tries++) {
        const Ad = A.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-9 : v)));
        const d = solve(
          Ad,
          g.map((v) => -v),
        );
        if (!d) {
          lambda *= 10;
          continue;
        }
        const th2 = th.map((v, i) => Math.max(-80, Math.min(80, v + Math.max(-3, Math.min(3, d[i])))));
        const r2 = resid(th2),
          L2 = loss(r2);
        if (L2 < L) {
          const gain = (L - L2) / Math.max(L, 1e-12);
          th = th2;
          r = r2;
          L = L2;
          lambda = Math.max(1e-7, lambda / 3);
          improved = gain > 1e-7;
          break;
        }
        lambda *= 5;
      }
      if (!improved) break;
    }
    if (!best || L < best.L) best = { L, th };
  }
  // Round to 4 significant digits, then score the rounded constants (what ships).
  const params = Object.fromEntries(Object.entries(toParams(best.th)).map(([k, v]) => [k, Number(v.toPrecision(4))]));
  const errs = (rows) => rows.map((r) => predict(params, r.x) / r.y - 1);
  return { params, stats: stats(errs(task.rows.filter((r) => !r.train))), trainStats: stats(errs(train)) };
}

function quantile(a, q) {
  if (!a.length) return NaN;
  const s = [...a].sort((x, y) => x - y);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
function stats(e) {
  const abs = e.map(Math.abs);
  return { n: e.length, medianAbs: quantile(abs, 0.5), p90Abs: quantile(abs, 0.9), medianSigned: quantile(e, 0.5) };
}

function rowsFrom(groups, toX) {
  return groups.map((g) => ({ x: toX(g.row), y: g.y / 1000, h: fnv(g.key), train: fnv(g.key) / 2 ** 32 < 0.8 }));
}

function peaksOf(system) {
  const y = YAML.parse(readFileSync(join(root, "aiconfigurator", "systems", `${system}.yaml`), "utf8"));
  const g = y.gpu ?? {};
  return { bf16: g.bfloat16_tc_flops ?? 1e14, fp8: g.fp8_tc_flops ?? g.bfloat16_tc_flops ?? 1e14, fp4: g.fp4_tc_flops ?? g.fp8_tc_flops ?? 1e14, bw: g.mem_bw ?? 1e12 };
}

const results = [];
const generated = [];

for (const [system, accIds] of Object.entries(SYSTEMS)) {
  if (only && !only.includes(system)) continue;
  const pk = peaksOf(system);
  const ncclDir = versionDir(system, "comm", "nccl") ?? versionDir(system, "comm", "oneccl");
  let ncclFit = null;
  if (ncclDir) {
    const file = readdirSync(ncclDir.dir).find((f) => f.endsWith("_perf.parquet"));
    const raw = await readTable(join(ncclDir.dir, file));
    ncclFit = {};
    for (const op of ["all_reduce", "all_gather", "reduce_scatter", "alltoall"]) {
      const sub = raw.filter((r) => r.op_name === op && r.num_gpus > 1);
      if (sub.length < 8) continue;
      const rows = rowsFrom(dedupe(sub, ["nccl_dtype", "num_gpus", "message_size"]), (r) => ({ bytes: r.message_size * (r.nccl_dtype === "int8" ? 1 : r.nccl_dtype === "float" ? 4 : 2), n: r.num_gpus }));
      const task = {
        keys: ops.COLLECTIVE_PARAM_KEYS,
        predict: (p, x) => ops.collectiveSecondsWith(p, op, x.bytes, x.n),
        rows,
        inits: [
          { launchSeconds: 10e-6, hopSeconds: 2e-6, busBytesPerSecond: 1e11 },
          { launchSeconds: 3e-6, hopSeconds: 5e-6, busBytesPerSecond: 3e11 },
        ],
      };
      const f = fitTask(task);
      ncclFit[op] = f.params;
      results.push({ table: `${file.replace(".parquet", "")}:${op}`, system, framework: ncclDir.dir.split("/").at(-2), version: ncclDir.version, key: op, rows: rows.length, parameterCount: task.keys.length, ...f.stats });
    }
  }
  for (const fw of FRAMEWORKS) {
    const gemmDir = versionDir(system, "gemm", fw);
    if (!gemmDir) continue;
    const versions = {};
    const prof = { system, acceleratorIds: accIds, framework: fw, version: gemmDir.version, gemm: {} };
    const record = (table, ver, key, rows, task, f) => {
      results.push({ table, system, framework: fw, version: ver, key, rows: rows.length, parameterCount: task.keys.length, ...f.stats });
      console.error(`${system} ${fw} ${table} ${key}: n=${rows.length} med=${(f.stats.medianAbs * 100).toFixed(1)}% p90=${(f.stats.p90Abs * 100).toFixed(1)}% signed=${(f.stats.medianSigned * 100).toFixed(1)}%`);
    };
    // GEMM
    {
      const raw = await readTable(join(gemmDir.dir, "gemm_perf.parquet"));
      versions.gemm = gemmDir.version;
      const present = new Set(raw.map((r) => r.gemm_dtype));
      for (const [dt, f] of Object.entries(GEMM_FORMAT)) {
        if (!present.has(dt) || prof.gemm[f]) continue;
        const rows = rowsFrom(
          dedupe(
            raw.filter((r) => r.gemm_dtype === dt),
            ["m", "n", "k"],
          ),
          (r) => ({ m: r.m, n: r.n, k: r.k }),
        );
        if (rows.length < 20) continue;
        const peak = f === "bf16" || f === "int4" ? pk.bf16 : f === "nvfp4" ? pk.fp4 : pk.fp8;
        const bytes = ops.FORMAT_BYTES[f];
        const task = {
          keys: ops.GEMM_PARAM_KEYS,
          predict: (p, x) => ops.gemmSecondsWith(p, bytes, x.m, x.n, x.k),
          rows,
          inits: [
            { launchSeconds: 5e-6, flopsPerSecond: 0.7 * peak, memoryBytesPerSecond: 0.8 * pk.bw, paddingM: 64, paddingN: 64, paddingK: 64, serialElementCount: 2e5, sharpness: 3 },
            { launchSeconds: 3e-6, flopsPerSecond: 0.5 * peak, memoryBytesPerSecond: 0.6 * pk.bw, paddingM: 16, paddingN: 128, paddingK: 256, serialElementCount: 2e6, sharpness: 1.5 },
          ],
        };
        const fr = fitTask(task);
        prof.gemm[f] = fr.params;
        record("gemm_perf", gemmDir.version, f, rows, task, fr);
      }
    }
    // Attention
    const attDir = versionDir(system, "attention", fw);
    if (attDir) {
      versions.attention = attDir.version;
      for (const phase of ["context", "generation"]) {
        const file = join(attDir.dir, `${phase}_attention_perf.parquet`);
        if (!existsSync(file)) continue;
        const raw = await readTable(file);
        const table = {};
        for (const [dt, kv] of Object.entries(KV)) {
          const sub = raw.filter((r) => r.kv_cache_dtype === dt);
          if (sub.length < 20) continue;
          const rows = rowsFrom(dedupe(sub, ["batch_size", "isl", "num_heads", "num_key_value_heads", "head_dim", "window_size", "step"]), (r) =>
            phase === "context"
              ? { batchSize: r.batch_size, inputTokens: r.isl, headCount: r.num_heads, kvHeadCount: r.num_key_value_heads, headDim: r.head_dim, kvFormat: kv, windowTokens: r.window_size ?? 0 }
              : { batchSize: r.batch_size, contextTokens: r.step + 1, headCount: r.num_heads, kvHeadCount: r.num_key_value_heads, headDim: r.head_dim, kvFormat: kv, windowTokens: r.window_size ?? 0 },
          );
          const task =
            phase === "context"
              ? {
                  keys: ops.CONTEXT_ATTENTION_PARAM_KEYS,
                  predict: (p, x) => ops.contextAttentionSecondsWith(p, x),
                  rows,
                  inits: [
                    { launchSeconds: 8e-6, perSequenceSeconds: 1e-7, flopsPerSecond: 0.4 * pk.bf16, headDimOverhead: 32, paddingTokens: 64, memoryBytesPerSecond: 0.6 * pk.bw, sharpness: 3 },
                    { launchSeconds: 20e-6, perSequenceSeconds: 1e-6, flopsPerSecond: 0.6 * pk.bf16, headDimOverhead: 8, paddingTokens: 128, memoryBytesPerSecond: 0.3 * pk.bw, sharpness: 1.5 },
                  ],
                }
              : {
                  keys: ops.GENERATION_ATTENTION_PARAM_KEYS,
                  predict: (p, x) => ops.generationAttentionSecondsWith(p, x),
                  rows,
                  inits: [
                    { launchSeconds: 8e-6, perSequenceSeconds: 1e-8, memoryBytesPerSecond: 0.7 * pk.bw, flopsPerSecond: 0.2 * pk.bf16, paddingTokens: 32, parallelHeadCount: 16, sharpness: 3 },
                    { launchSeconds: 15e-6, perSequenceSeconds: 1e-7, memoryBytesPerSecond: 0.4 * pk.bw, flopsPerSecond: 0.05 * pk.bf16, paddingTokens: 128, parallelHeadCount: 64, sharpness: 1.5 },
                  ],
                };
          const fr = fitTask(task);
          table[kv] = fr.params;
          record(`${phase}_attention_perf`, attDir.version, `kv-${kv}`, rows, task, fr);
        }
        if (Object.keys(table).length) prof[`${phase}Attention`] = table;
      }
    }
    // MLA: module tables where present, else kernel tables
    const mlaDir = versionDir(system, "mla", fw);
    if (mlaDir) {
      const module = existsSync(join(mlaDir.dir, "mla_context_module_perf.parquet")) && existsSync(join(mlaDir.dir, "mla_generation_module_perf.parquet"));
      const files = module ? { context: "mla_context_module_perf", generation: "mla_generation_module_perf" } : { context: "context_mla_perf", generation: "generation_mla_perf" };
      if (existsSync(join(mlaDir.dir, `${files.context}.parquet`)) && existsSync(join(mlaDir.dir, `${files.generation}.parquet`))) {
        versions.mla = mlaDir.version;
        const mla = { scope: module ? "module" : "kernel", context: {}, generation: {} };
        for (const phase of ["context", "generation"]) {
          const raw = await readTable(join(mlaDir.dir, `${files[phase]}.parquet`));
          const variants = new Map();
          for (const r of raw) {
            const v = `${r.gemm_type === "fp8_block" ? "fp8_block" : "bf16"}-kv-${KV[r.kv_cache_dtype] ?? "bf16"}`;
            if (!variants.has(v)) variants.set(v, []);
            variants.get(v).push(r);
          }
          for (const [v, sub] of variants) {
            const kv = v.endsWith("fp8") ? "fp8" : "bf16";
            const rows = rowsFrom(dedupe(sub, ["batch_size", "isl", "num_heads", "step"]), (r) =>
              phase === "context" ? { batchSize: r.batch_size, inputTokens: r.isl, headCount: r.num_heads, kvFormat: kv } : { batchSize: r.batch_size, contextTokens: r.step, headCount: r.num_heads, kvFormat: kv },
            );
            if (rows.length < 20) continue;
            const task =
              phase === "context"
                ? {
                    keys: ops.MLA_CONTEXT_PARAM_KEYS,
                    predict: (p, x) => ops.mlaContextSecondsWith(p, x),
                    rows,
                    inits: [
                      { launchSeconds: 1e-5, tokenSeconds: 1e-8, tokenHeadSeconds: 1e-9, pairHeadSeconds: 1e-12, weightSeconds: 3e-5, weightHeadSeconds: 1e-6, tokenMemorySeconds: 1e-9, sharpness: 2 },
                      { launchSeconds: 1e-4, tokenSeconds: 1e-9, tokenHeadSeconds: 1e-10, pairHeadSeconds: 1e-11, weightSeconds: 1e-5, weightHeadSeconds: 1e-7, tokenMemorySeconds: 1e-8, sharpness: 4 },
                    ],
                  }
                : {
                    keys: ops.MLA_GENERATION_PARAM_KEYS,
                    predict: (p, x) => ops.mlaGenerationSecondsWith(p, x),
                    rows,
                    inits: [
                      { launchSeconds: 1e-5, tokenSeconds: 1e-8, tokenHeadSeconds: 1e-9, contextHeadSeconds: 1e-12, weightSeconds: 3e-5, weightHeadSeconds: 1e-6, contextMemorySeconds: 1e-10, paddingTokens: 32, sharpness: 2 },
                      { launchSeconds: 1e-4, tokenSeconds: 1e-9, tokenHeadSeconds: 1e-10, contextHeadSeconds: 1e-11, weightSeconds: 1e-5, weightHeadSeconds: 1e-7, contextMemorySeconds: 1e-9, paddingTokens: 128, sharpness: 4 },
                    ],
                  };
            const fr = fitTask(task);
            mla[phase][v] = fr.params;
            record(files[phase], mlaDir.version, v, rows, task, fr);
          }
        }
        if (Object.keys(mla.context).length && Object.keys(mla.generation).length) prof.mla = mla;
      }
    }
    // MoE (balanced routing)
    const moeDir = versionDir(system, "moe", fw);
    if (moeDir && existsSync(join(moeDir.dir, "moe_perf.parquet"))) {
      versions.moe = moeDir.version;
      const raw = (await readTable(join(moeDir.dir, "moe_perf.parquet"))).filter((r) => r.distribution === "balanced");
      const moe = {};
      const present = new Set(raw.map((r) => r.moe_dtype));
      for (const [dt, f] of Object.entries(GEMM_FORMAT)) {
        if (!present.has(dt) || moe[f]) continue;
        const rows = rowsFrom(
          dedupe(
            raw.filter((r) => r.moe_dtype === dt),
            ["num_tokens", "hidden_size", "inter_size", "topk", "num_experts", "moe_tp_size", "moe_ep_size"],
          ),
          (r) => ({ tokenCount: r.num_tokens, hiddenSize: r.hidden_size, intermediateSize: r.inter_size, topK: r.topk, expertCount: r.num_experts, tpSize: r.moe_tp_size, epSize: r.moe_ep_size }),
        );
        if (rows.length < 20) continue;
        const wb = ops.FORMAT_BYTES[f].weight;
        const peak = f === "bf16" || f === "int4" ? pk.bf16 : f === "nvfp4" ? pk.fp4 : pk.fp8;
        const task = {
          keys: ops.MOE_PARAM_KEYS,
          predict: (p, x) => ops.moeSecondsWith(p, wb, x),
          rows,
          inits: [
            { launchSeconds: 2e-5, perTokenSeconds: 1e-8, flopsPerSecond: 0.4 * peak, memoryBytesPerSecond: 0.6 * pk.bw, paddingTokens: 32, sharpness: 3 },
            { launchSeconds: 5e-5, perTokenSeconds: 1e-7, flopsPerSecond: 0.2 * peak, memoryBytesPerSecond: 0.4 * pk.bw, paddingTokens: 128, sharpness: 1.5 },
          ],
        };
        const fr = fitTask(task);
        moe[f] = fr.params;
        record("moe_perf", moeDir.version, f, rows, task, fr);
      }
      if (Object.keys(moe).length) prof.moe = moe;
    }
    // Custom all-reduce (CUDA-graph variant where both are measured)
    const commDir = versionDir(system, "comm", fw);
    if (commDir && existsSync(join(commDir.dir, "custom_allreduce_perf.parquet"))) {
      versions.allReduce = commDir.version;
      let raw = (await readTable(join(commDir.dir, "custom_allreduce_perf.parquet"))).filter((r) => r.num_gpus > 1);
      if (raw.some((r) => String(r.backend ?? "").includes("graph"))) raw = raw.filter((r) => String(r.backend).includes("graph"));
      const rows = rowsFrom(dedupe(raw, ["num_gpus", "message_size"]), (r) => ({ bytes: r.message_size * 2, n: r.num_gpus }));
      if (rows.length >= 8) {
        const task = {
          keys: ops.COLLECTIVE_PARAM_KEYS,
          predict: (p, x) => ops.collectiveSecondsWith(p, "all_reduce", x.bytes, x.n),
          rows,
          inits: [
            { launchSeconds: 5e-6, hopSeconds: 1e-6, busBytesPerSecond: 1e11 },
            { launchSeconds: 2e-6, hopSeconds: 3e-6, busBytesPerSecond: 3e11 },
          ],
        };
        const fr = fitTask(task);
        prof.allReduce = { ...fr.params, maxMessageBytes: Math.max(...rows.map((r) => r.x.bytes)) };
        record("custom_allreduce_perf", commDir.version, "bf16", rows, task, fr);
      }
    }
    if (ncclFit && Object.keys(ncclFit).length) prof.nccl = ncclFit;
    // Linear attention: per-phase sum of the measured kernels
    const laDir = versionDir(system, "linear_attention", fw);
    for (const [name, file] of [
      ["gdn", "gdn_perf"],
      ["mamba2", "mamba2_perf"],
    ]) {
      if (!laDir || !existsSync(join(laDir.dir, `${file}.parquet`))) continue;
      versions[name] = laDir.version;
      const raw = await readTable(join(laDir.dir, `${file}.parquet`));
      const out = {};
      for (const [phase, ph] of [
        ["context", "prefill"],
        ["generation", "decode"],
      ]) {
        const sub = raw.filter((r) => r.phase === phase);
        const keyCols = name === "gdn" ? ["batch_size", "seq_len", "num_k_heads", "head_k_dim", "num_v_heads", "head_v_dim"] : ["batch_size", "seq_len", "nheads", "head_dim", "d_state", "n_groups"];
        const groups = dedupe(sub, keyCols, "sum");
        const kmax = Math.max(0, ...groups.map((g) => g.kernels.size));
        const rows = rowsFrom(
          groups.filter((g) => g.kernels.size === kmax),
          (r) =>
            name === "gdn"
              ? { phase: ph, batchSize: r.batch_size, seqTokens: r.seq_len, kHeadCount: r.num_k_heads, vHeadCount: r.num_v_heads, headKDim: r.head_k_dim, headVDim: r.head_v_dim }
              : { phase: ph, batchSize: r.batch_size, seqTokens: r.seq_len, headCount: r.nheads, headDim: r.head_dim, stateDim: r.d_state, groupCount: r.n_groups },
        );
        if (rows.length < 8) continue;
        const fn = name === "gdn" ? ops.gdnSeconds : ops.mamba2Seconds;
        const task = {
          keys: ops.LINEAR_ATTENTION_PARAM_KEYS,
          predict: (p, x) => fn({ [name]: { prefill: p, decode: p } }, x),
          rows,
          inits: [
            { launchSeconds: 5e-6, tokenStateSeconds: 1e-13, tokenChannelSeconds: 1e-12, sequenceStateSeconds: 1e-12 },
            { launchSeconds: 2e-5, tokenStateSeconds: 1e-12, tokenChannelSeconds: 1e-11, sequenceStateSeconds: 1e-11 },
          ],
        };
        const fr = fitTask(task);
        out[ph] = fr.params;
        record(file, laDir.version, phase, rows, task, fr);
      }
      if (out.prefill && out.decode) prof[name] = out;
    }
    prof.source = {
      url: `https://github.com/ai-dynamo/aiconfigurator/tree/${COMMIT}/aic-core/src/aiconfigurator_core/systems/data/${system}`,
      retrievedDate: COMMIT_DATE,
      note: `Fitted by scripts/fit-kernels.mjs to NVIDIA AIConfigurator's measured kernel tables (Apache-2.0) at commit ${COMMIT}: ${Object.entries(versions)
        .map(([k, v]) => `${k} ${fw} ${v}`)
        .join(", ")}${ncclDir ? `, collectives ${ncclDir.dir.split("/").at(-2)} ${ncclDir.version}` : ""}. Held-out errors: docs/kernel-fit.md.`,
    };
    generated.push(prof);
  }
}

// Emit catalog TS
const outDir = join(repo, "src/catalog/kernel-profiles");
mkdirSync(outDir, { recursive: true });
const camel = (s) => s.replace(/[-_](\w)/g, (_, c) => c.toUpperCase());
const order = ["system", "acceleratorIds", "framework", "version", "source", "gemm", "contextAttention", "generationAttention", "mla", "moe", "allReduce", "nccl", "gdn", "mamba2"];
const lit = (v, ind) => {
  if (Array.isArray(v)) return `[${v.map((x) => lit(x, ind)).join(", ")}]`;
  if (v && typeof v === "object") {
    const inner = Object.entries(v)
      .map(([k, x]) => `${ind}  ${/^[A-Za-z_]\w*$/.test(k) ? k : JSON.stringify(k)}: ${lit(x, ind + "  ")},`)
      .join("\n");
    return `{\n${inner}\n${ind}}`;
  }
  return typeof v === "number" ? (Number.isFinite(v) ? String(v) : "Number.MAX_VALUE") : JSON.stringify(v);
};
const names = [];
for (const p of generated) {
  const base = `${p.system.replace(/_/g, "-")}-${p.framework}`;
  const name = camel(`${p.system}_${p.framework}`);
  names.push({ base, name });
  const ordered = Object.fromEntries(order.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
  writeFileSync(
    join(outDir, `${base}.ts`),
    `// Generated by scripts/fit-kernels.mjs; do not edit. Fitted constants (seconds, FLOP/s, bytes/s; see src/core/operators.ts)\n// from NVIDIA AIConfigurator's kernel database, github.com/ai-dynamo/aiconfigurator@${COMMIT.slice(0, 12)} (${COMMIT_DATE}), Apache-2.0.\nimport type { OperatorProfile } from "../../core/operators.js";\n\nexport const ${name} = ${lit(ordered, "")} satisfies OperatorProfile;\n`,
  );
}
if (!only) {
  writeFileSync(
    join(outDir, "index.ts"),
    `// Generated by scripts/fit-kernels.mjs; do not edit.
// Operator profiles fitted to NVIDIA AIConfigurator's measured kernels, one per (system, framework).
import type { OperatorProfile } from "../../core/operators.js";
${names.map(({ base, name }) => `import { ${name} } from "./${base}.js";`).join("\n")}

export const kernelProfiles: readonly OperatorProfile[] = [
${names.map(({ name }) => `  ${name},`).join("\n")}
];

const FRAMEWORKS = new Set(["trtllm", "vllm", "sglang"]);

/** The fitted profile for an accelerator id and serving framework (trtllm, vllm, sglang); null when no table covers it (other engines: caller decides). */
export function operatorProfileFor(acceleratorId: string, framework: string): OperatorProfile | null {
  if (!FRAMEWORKS.has(framework)) return null;
  return kernelProfiles.find((p) => p.framework === framework && p.acceleratorIds.includes(acceleratorId)) ?? null;
}
`,
  );
  const round = (x) => (Number.isFinite(x) ? Number(x.toFixed(4)) : null);
  const json = results.map((r) => ({
    table: r.table,
    system: r.system,
    framework: r.framework,
    version: r.version,
    key: r.key,
    rows: r.rows,
    heldOutRows: r.n,
    parameterCount: r.parameterCount,
    medianAbsError: round(r.medianAbs),
    p90AbsError: round(r.p90Abs),
    medianSignedError: round(r.medianSigned),
  }));
  writeFileSync(
    join(repo, "docs/kernel-fit.json"),
    JSON.stringify(
      {
        source: `https://github.com/ai-dynamo/aiconfigurator/tree/${COMMIT}/aic-core/src/aiconfigurator_core/systems/data`,
        commitDate: COMMIT_DATE,
        holdout: "20% of deduplicated rows by FNV-1a hash of the inputs",
        error: "prediction/measured - 1",
        fits: json,
      },
      null,
      1,
    ) + "\n",
  );
}
console.error(`fitted ${generated.length} profiles, ${results.length} tables`);
