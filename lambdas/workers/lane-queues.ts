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

/**
 * Callers waiting, each at most a while, for something to go quiet: they go on once it has stayed
 * quiet for `quietMs` (work that comes and goes within a burst does not release them), or when
 * released outright.
 */
export class QuietWaiters {
  private released: { promise: Promise<void>; release: () => void } | undefined;
  private quiet: NodeJS.Timeout | undefined;

  constructor(private readonly quietMs: number) {}

  /** Waits until released, or `ms` at most. */
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

  /** It went quiet: the waiters go on in `quietMs`, if `stillQuiet()` says so then. */
  quieted(stillQuiet: () => boolean): void {
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => stillQuiet() && this.release(), this.quietMs);
  }

  /** Lets every caller waiting now go on. */
  release(): void {
    clearTimeout(this.quiet);
    this.released?.release();
    this.released = undefined;
  }
}
