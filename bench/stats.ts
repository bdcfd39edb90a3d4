/** Percentiles and formatting for the benchmark report. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const p50 = (v: number[]) => percentile(v, 50);
export const p99 = (v: number[]) => percentile(v, 99);

/** Quantile with linear interpolation between the closest ranks (q in [0, 1]). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (v: number[]) => quantile(v, 0.5);

export async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

/** Runs `fn` once and returns how long it took, in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs `fn` once and returns the CPU time this process spent meanwhile, in milliseconds: the
 * work it cost, without the time spent waiting for a CPU while other programs ran.
 */
export async function cpuTimed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A Newsroom figure judged against its baseline by the median of per-round ratios. */
export interface PairedResult {
  /** Median of the per-round ratios (Newsroom ÷ baseline). */
  ratio: number;
  /** Interquartile range of the per-round ratios. */
  q1: number;
  q3: number;
  ratios: number[];
  /** Every single measurement of each side, for the p50/p99 shown beside the ratio. */
  a: number[];
  b: number[];
}

/**
 * Measures A (Newsroom) and B (its baseline) in alternating paired rounds, so that whatever
 * else the machine is doing at a given moment weighs on both sides alike.
 *
 * After `warmup` untimed pairs, each of `rounds` rounds takes `perRound` samples of each side,
 * alternating A and B sample by sample with the order flipped at every pair (AB, BA, AB, …),
 * so that neither side always runs first. A round's ratio is the median of its A samples over
 * the median of its B samples; the result is the median of the round ratios and their
 * interquartile range. Each measure function returns the duration of one sample in ms.
 */
export async function pairedRounds(opts: {
  rounds: number;
  perRound?: number;
  warmup?: number;
  a: () => Promise<number>;
  b: () => Promise<number>;
}): Promise<PairedResult> {
  const perRound = opts.perRound ?? 1;
  for (let i = 0; i < (opts.warmup ?? 0); i++) {
    if (i % 2 === 0) {
      await opts.a();
      await opts.b();
    } else {
      await opts.b();
      await opts.a();
    }
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  let pair = 0;
  for (let r = 0; r < opts.rounds; r++) {
    const ra: number[] = [];
    const rb: number[] = [];
    for (let j = 0; j < perRound; j++, pair++) {
      if (pair % 2 === 0) {
        ra.push(await opts.a());
        rb.push(await opts.b());
      } else {
        rb.push(await opts.b());
        ra.push(await opts.a());
      }
    }
    ratios.push(median(ra) / median(rb));
    a.push(...ra);
    b.push(...rb);
  }
  return { ratio: median(ratios), q1: quantile(ratios, 0.25), q3: quantile(ratios, 0.75), ratios, a, b };
}

export const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
