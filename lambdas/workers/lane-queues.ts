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
