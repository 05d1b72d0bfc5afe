/**
 * Worker threads that compute the web server's answers, so a heavy request (a sweep, a chart, 256 scenarios)
 * never stops the server's own thread from reading sockets and answering the rest. A bounded queue answers
 * 503 when it is full, and a request computing past the time limit has its worker stopped (and replaced)
 * and answers 503, so no request can hold the server.
 */
import type { IncomingHttpHeaders } from "node:http";
import { Worker } from "node:worker_threads";
import { HttpError } from "./http.js";

export interface RouteJob {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RouteReply {
  status: number;
  headers: Record<string, string | number | string[]>;
  body: string | Uint8Array;
}

export interface RoutePoolOptions {
  size: number;
  queued: number;
  timeoutMs: number;
  /** Passed to each worker (the server's env and cwd). */
  workerData: unknown;
  log: (text: string) => void;
}

interface Slot {
  worker: Worker;
  /** Stopped for taking too long; its replacement comes with the exit. */
  dead: boolean;
  /** Its modules are loaded (a request's time limit starts when a worker takes it, not while one boots). */
  ready: boolean;
  job: { id: number; resolve: (reply: RouteReply) => void; reject: (error: unknown) => void; timer: ReturnType<typeof setTimeout> } | null;
}

export class RoutePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<{ job: RouteJob; resolve: (reply: RouteReply) => void; reject: (error: unknown) => void }> = [];
  private next = 0;
  private closed = false;
  private readyCount = 0;
  private settleReady: (ok: boolean) => void = () => undefined;
  /** True once every worker has loaded; false when one failed to load (the caller then answers on its own thread). */
  readonly ready: Promise<boolean> = new Promise((resolve) => (this.settleReady = resolve));

  constructor(
    private readonly entry: URL,
    private readonly options: RoutePoolOptions,
  ) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Computes one answer on a free worker, or queues it; a full queue is a 503. */
  run(job: RouteJob): Promise<RouteReply> {
    if (this.closed) return Promise.reject(new HttpError(503, "the server is shutting down"));
    return new Promise((resolve, reject) => {
      const free = this.slots.find((s) => s.job === null && !s.dead && s.ready);
      if (free) return this.start(free, job, resolve, reject);
      if (this.waiting.length >= this.options.queued) {
        return reject(new HttpError(503, `busy: ${this.slots.length} requests are computing and ${this.waiting.length} are waiting; try again shortly`));
      }
      this.waiting.push({ job, resolve, reject });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new HttpError(503, "the server is shutting down"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry, { workerData: this.options.workerData });
    const slot: Slot = { worker, dead: false, ready: false, job: null };
    worker.on("message", (m: { log?: string; ready?: boolean; id?: number; reply?: RouteReply }) => {
      if (m.log !== undefined) return this.options.log(m.log);
      if (m.ready) {
        slot.ready = true;
        if (++this.readyCount >= this.options.size) this.settleReady(true);
        return this.pump(slot);
      }
      const job = slot.job;
      if (!job || m.id !== job.id || !m.reply) return;
      clearTimeout(job.timer);
      slot.job = null;
      job.resolve(m.reply);
      this.pump(slot);
    });
    worker.on("error", (error) => this.options.log(`costcurve web: worker: ${error.stack ?? error.message}\n`));
    worker.on("exit", () => {
      if (this.closed) return;
      if (!slot.ready && !slot.dead) {
        // it could not even load: replacing it would fail the same way
        this.settleReady(false);
        return;
      }
      // a worker that died (or was stopped for taking too long) is replaced; its request has been answered
      const job = slot.job;
      slot.job = null;
      if (job) {
        clearTimeout(job.timer);
        job.reject(new Error("route worker exited"));
      }
      const index = this.slots.indexOf(slot);
      if (index !== -1) {
        this.slots[index] = this.spawn();
        this.pump(this.slots[index]!);
      }
    });
    return slot;
  }

  private start(slot: Slot, job: RouteJob, resolve: (reply: RouteReply) => void, reject: (error: unknown) => void): void {
    const id = this.next++;
    const timer = setTimeout(() => {
      if (slot.job?.id !== id) return;
      slot.job = null;
      slot.dead = true;
      reject(new HttpError(503, `busy: the request computed for more than ${this.options.timeoutMs / 1000} s and was stopped; ask for less (fewer accelerators, counts or scenarios)`));
      void slot.worker.terminate();
    }, this.options.timeoutMs);
    slot.job = { id, resolve, reject, timer };
    slot.worker.postMessage({ id, job });
  }

  private pump(slot: Slot): void {
    if (!slot.ready || slot.dead || slot.job !== null) return;
    const next = this.waiting.shift();
    if (next) this.start(slot, next.job, next.resolve, next.reject);
  }
}
