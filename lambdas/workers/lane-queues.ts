import type { OutboxEntry } from '../usecases/ports.js';

/** Gathers the history writes of acknowledgements made at the same time into shared batches. */
export class HistoryBatcher {
  private waiting: { entries: readonly OutboxEntry[]; ok: () => void; fail: (err: unknown) => void }[] = [];

  constructor(private readonly write: (entries: readonly OutboxEntry[]) => Promise<void>) {}

  record(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((ok, fail) => {
      if (this.waiting.push({ entries, ok, fail }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      await this.write(batch.flatMap((b) => b.entries));
      for (const b of batch) b.ok();
    } catch (err) {
      for (const b of batch) b.fail(err);
    }
  }
}

/** A bounded number of slots; urgent takers (first attempts) go before retries. */
export class Slots {
  private readonly waiting: [(() => void)[], (() => void)[]] = [[], []];
  constructor(private free: number) {}

  async take(urgent: boolean): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((ok) => this.waiting[urgent ? 0 : 1].push(ok));
  }

  give(): void {
    const next = this.waiting[0].shift() ?? this.waiting[1].shift();
    if (next) next();
    else this.free++;
  }
}

/** Callers waiting, each at most a while, until something releases them all. */
export class Waiters {
  private released: { promise: Promise<void>; release: () => void } | undefined;

  /** Waits until `release()`, or `ms` at most. */
  async wait(ms: number): Promise<void> {
    if (!this.released) {
      let release!: () => void;
      const promise = new Promise<void>((ok) => (release = ok));
      this.released = { promise, release };
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.released.promise, new Promise<void>((ok) => (timer = setTimeout(ok, ms)))]);
    clearTimeout(timer);
  }

  /** Lets every caller waiting now go on. */
  release(): void {
    this.released?.release();
    this.released = undefined;
  }
}
