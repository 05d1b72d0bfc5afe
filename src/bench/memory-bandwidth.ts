/**
 * Memory read bandwidth of this machine: each worker thread streams a large buffer (far larger than any
 * cache) with 128-bit WebAssembly SIMD loads, four independent accumulators per 64-byte line; the best of
 * several passes counts. Plain JavaScript typed-array loops top out at a few GB/s even from cache, so they
 * would measure the interpreter, not the memory; WebAssembly SIMD reads about 65 GB/s from L2 on the
 * reference machine, well above DRAM, so the DRAM figure is what limits it.
 */
import { Worker } from "node:worker_threads";

/** Unsigned LEB128, as WebAssembly encodes sizes and constants. */
function leb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];

/**
 * A module exporting memory "m" and read(start, end) -> i32, which ORs every 16 bytes of [start, end) into
 * four v128 accumulators (the result keeps the loads alive). Opcodes from the WebAssembly core and SIMD
 * specifications: v128.load 0xfd 0x00, v128.or 0xfd 0x50, i32x4.extract_lane 0xfd 0x1b.
 */
export function streamReadModule(): Uint8Array {
  const accumulate = (local: number, offset: number) => [0x20, local, 0x20, 0x00, 0xfd, 0x00, 0x04, offset, 0xfd, 0x50, 0x21, local];
  const body = [
    0x01,
    0x04,
    0x7b, // locals: 4 x v128 (locals 2..5)
    0x03,
    0x40, // loop
    ...accumulate(2, 0x00),
    ...accumulate(3, 0x10),
    ...accumulate(4, 0x20),
    ...accumulate(5, 0x30),
    0x20,
    0x00,
    0x41,
    0xc0,
    0x00,
    0x6a,
    0x21,
    0x00, // start += 64
    0x20,
    0x00,
    0x20,
    0x01,
    0x49,
    0x0d,
    0x00, // br_if 0 (start < end)
    0x0b, // end loop
    0x20,
    0x02,
    0x20,
    0x03,
    0xfd,
    0x50,
    0x20,
    0x04,
    0xfd,
    0x50,
    0x20,
    0x05,
    0xfd,
    0x50,
    0xfd,
    0x1b,
    0x00,
    0x0b,
  ];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f]), // type (i32, i32) -> i32
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]), // one memory, at least 1 page
    ...section(7, [0x02, 0x01, 0x6d, 0x02, 0x00, 0x01, 0x72, 0x00, 0x00]), // export "m" memory, "r" func
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const instance = new WebAssembly.Instance(new WebAssembly.Module(workerData.module));
const memory = instance.exports.m;
const page = 65536;
memory.grow(Math.ceil(workerData.bytes / page));
new Uint8Array(memory.buffer).fill(1, page);
const end = page + Math.floor(workerData.bytes / 64) * 64;
parentPort.on("message", () => {
  const t0 = process.hrtime.bigint();
  instance.exports.r(page, end);
  parentPort.postMessage(Number(process.hrtime.bigint() - t0) / 1e9);
});
parentPort.postMessage("ready");
`;

export interface BandwidthResult {
  threadCount: number;
  bytesPerThread: number;
  /** Best pass: bytes read by all threads / the slowest thread's time. */
  bytesPerSecond: number;
}

/** Streams `bytesPerThread` in each of `threadCount` workers at once, `passes` times; returns the best pass. */
export async function measureReadBandwidth(threadCount: number, bytesPerThread = 256 * 1024 * 1024, passes = 5): Promise<BandwidthResult> {
  const module = streamReadModule();
  const workers = Array.from({ length: threadCount }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { module, bytes: bytesPerThread } }));
  const next = (w: Worker) =>
    new Promise<unknown>((resolve, reject) => {
      w.once("message", resolve);
      w.once("error", reject);
    });
  try {
    await Promise.all(workers.map(next));
    let best = 0;
    for (let pass = 0; pass < passes; pass++) {
      const replies = workers.map(next);
      for (const w of workers) w.postMessage("go");
      const seconds = (await Promise.all(replies)) as number[];
      const slowest = Math.max(...seconds);
      if (slowest > 0) best = Math.max(best, (Math.floor(bytesPerThread / 64) * 64 * threadCount) / slowest);
    }
    return { threadCount, bytesPerThread, bytesPerSecond: best };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
