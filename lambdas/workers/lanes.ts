import type { DomainEvent } from '../domain/events.js';
import { isHistoryEvent } from '../domain/workflow.js';
import type { Outbox, OutboxEntry } from '../usecases/ports.js';
import type { DispatchLogger } from './dispatch.js';
import { envelope } from './dispatch.js';
import { HistoryBatcher, QuietWaiters, Slots } from './lane-queues.js';

/** One place events go to, one event at a time: a webhook target. */
export interface LaneTarget {
  /** What log lines say of the target: its origin, never its path or credentials. */
  readonly name: string;
  /** Hands one event over; throws if the target did not take it. */
  deliver(event: DomainEvent, attempt: number, signal: AbortSignal): Promise<void>;
  /** Deliveries in flight to this target at a time, when not `perTarget`. */
  readonly concurrency?: number;
  /**
   * Its deliveries are work on this machine (the local site renderer, writing to the embedded
   * stores): while any are under way, acknowledgements wait for them, at most `ackYieldMs`.
   */
  readonly sharesMachine?: boolean;
}

/** The outbox, plus every article with pending events (not only the oldest page). */
export interface LaneOutbox extends Outbox {
  everyArticleWithPendingEvents(): Promise<string[]>;
  /** History for many events in few writes; writing an event's history again changes nothing. */
  recordHistories(entries: readonly OutboxEntry[]): Promise<void>;
  /** Acknowledges the whole outbox in one write; false (nothing changed) if it holds more. */
  acknowledgeAll(articleId: string, delivered: readonly OutboxEntry[]): Promise<boolean>;
}

export interface LaneOptions {
  /** Told of every article's pending events as they are read, before any is delivered (the delivery log marks them pending). */
  onRead?: (events: readonly DomainEvent[]) => Promise<void>;
  /** Deliveries in flight to one target at a time (a hanging target fills only its own). */
  perTarget: number;
  /** Outbox reads and acknowledgements in flight at a time. */
  store: number;
  /** Backoff of one (target, article) lane: doubles from `baseDelayMs` up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** While a target fails everything, one of its lanes is tried this often, to notice it is back. */
  probeMs: number;
  /** How often articles with an idle lane are read again, for writes that named no article. */
  recheckMs: number;
  /** The longest an acknowledgement waits for deliveries of targets that share this machine. */
  ackYieldMs: number;
}

/** How long no delivery of a target that shares the machine must run before acknowledgements go. */
const QUIET_MS = 100;

const DEFAULTS: LaneOptions = {
  perTarget: 8,
  store: 16,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  probeMs: 500,
  recheckMs: 1_000,
  ackYieldMs: 5_000,
};

interface TargetState {
  readonly target: LaneTarget;
  readonly slots: Slots;
  /** Lanes waiting out a backoff. */
  readonly backingOff: Set<Lane>;
  lastSuccessAt: number;
  /** Its last attempt failed. */
  down: boolean;
  running: number;
  probe?: NodeJS.Timeout;
}

interface Lane {
  readonly target: TargetState;
  readonly article: ArticleState;
  /** Events of the article this target has taken and that are still in the outbox. */
  readonly accepted: Set<string>;
  /** Queued for a slot or delivering. */
  busy: boolean;
  /** Failed attempts of the event at its head. */
  attempts: number;
  /** When its current run of failures began. */
  failingSince?: number;
  notBefore: number;
  timer?: NodeJS.Timeout;
}

interface ArticleState {
  readonly id: string;
  /** Found on the index of articles with pending events (not only named by a write). */
  listed: boolean;
  /** The article's pending events as last read, in version order. */
  events: OutboxEntry[];
  readonly lanes: Lane[];
  /** Outbox reads and writes for one article run one after another. */
  chain: Promise<void>;
  refreshQueued: boolean;
  ackQueued: boolean;
  retry?: NodeJS.Timeout;
}

/**
 * The local dispatcher: one lane per (target, article). Each lane delivers its article's events
 * to its target in version order, one at a time, and backs off on its own when that fails, so
 * one article's failures hold back nothing else and a hanging target costs only its own lanes
 * (a bounded number of slots per target). Lanes of different articles and targets run at the
 * same time. Events leave the outbox, after their history is recorded, once every target has
 * taken them: the same conditional acknowledgement as the cloud's dispatcher, so nothing is lost
 * and a restart only delivers again what was not acknowledged (receivers drop duplicates by id).
 */
export class LaneDispatcher {
  private readonly options: LaneOptions;
  private readonly targets: TargetState[];
  private readonly articles = new Map<string, ArticleState>();
  private readonly store: Slots;
  private readonly history: HistoryBatcher;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly abort = new AbortController();
  private stopped = false;
  private lastRecheck = 0;
  /** Acknowledgements waiting for the targets that share this machine to be idle. */
  private readonly machineIdle = new QuietWaiters(QUIET_MS);

  constructor(
    private readonly outbox: LaneOutbox,
    targets: readonly LaneTarget[],
    private readonly logger: DispatchLogger,
    options: Partial<LaneOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.store = new Slots(this.options.store);
    this.history = new HistoryBatcher((entries) => this.outbox.recordHistories(entries));
    this.targets = targets.map((target) => ({
      target,
      slots: new Slots(target.concurrency ?? this.options.perTarget),
      backingOff: new Set(),
      lastSuccessAt: 0,
      down: false,
      running: 0,
    }));
  }

  /** Finds articles with pending events that no lane knows of yet; now and then re-reads the known ones. */
  async scan(): Promise<void> {
    if (this.stopped) return;
    for (const id of await this.outbox.everyArticleWithPendingEvents()) {
      const known = this.articles.get(id);
      if (known) known.listed = true;
      else this.refresh(this.track(id, true), true);
    }
    if (Date.now() - this.lastRecheck >= this.options.recheckMs) {
      this.lastRecheck = Date.now();
      // Only an article held back by another target can have events that a done lane has not seen.
      for (const a of this.articles.values()) {
        if (a.lanes.some((l) => !l.busy && l.attempts === 0) && a.lanes.some((l) => l.busy || l.attempts > 0)) this.refresh(a);
      }
    }
  }

  /** An article was just written: its lanes learn of any new events at once, without a scan. */
  touched(articleId: string): void {
    if (this.stopped) return;
    this.refresh(this.articles.get(articleId) ?? this.track(articleId, false), true);
  }

  /** Stops every lane, cutting deliveries in flight short; nothing unacknowledged is lost. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.machineIdle.release();
    for (const t of this.targets) clearTimeout(t.probe);
    for (const a of this.articles.values()) {
      clearTimeout(a.retry);
      for (const l of a.lanes) clearTimeout(l.timer);
    }
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(id: string, listed: boolean): ArticleState {
    const a: ArticleState = { id, listed, events: [], lanes: [], chain: Promise.resolve(), refreshQueued: false, ackQueued: false };
    for (const target of this.targets) a.lanes.push({ target, article: a, accepted: new Set(), busy: false, attempts: 0, notBefore: 0 });
    this.articles.set(id, a);
    return a;
  }

  private run<T>(p: Promise<T>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** Runs `op` after the article's earlier reads and writes, within the store's bound. */
  private storeOp(a: ArticleState, urgent: boolean, what: string, op: () => Promise<void>, first?: () => Promise<void>): void {
    const next = a.chain.then(async () => {
      await first?.();
      await this.store.take(urgent);
      try {
        if (!this.stopped) await op();
      } catch (err) {
        if (this.stopped) return;
        this.logger.warn(`outbox ${what} failed; will retry`, { articleId: a.id, error: String(err) });
        clearTimeout(a.retry);
        a.retry = setTimeout(() => this.refresh(a), this.options.probeMs);
      } finally {
        this.store.give();
      }
    });
    a.chain = next;
    this.run(next);
  }

  /** Reads the article's pending events again and sets its lanes going. */
  private refresh(a: ArticleState, urgent = false): void {
    if (a.refreshQueued) return;
    a.refreshQueued = true;
    this.storeOp(a, urgent, 'read', async () => {
      a.refreshQueued = false;
      a.events = await this.outbox.pendingEvents(a.id);
      const pending = new Set(a.events.map((e) => e.id));
      for (const lane of a.lanes) for (const id of lane.accepted) if (!pending.has(id)) lane.accepted.delete(id);
      if (a.events.length === 0) {
        // Leaves the pending index, unless an event arrived meanwhile (the next scan finds it).
        if (a.listed) await this.outbox.acknowledge(a.id, []);
        this.forgetIfIdle(a);
        return;
      }
      await this.options.onRead?.(a.events.map(envelope));
      for (const lane of a.lanes) this.kick(lane);
      this.settle(a);
    });
  }

  /** Starts a lane that has something to deliver and is not waiting out a backoff (unless forced). */
  private kick(lane: Lane, force = false): void {
    if (lane.busy || this.stopped || this.next(lane) === undefined) return;
    if (!force && lane.notBefore > Date.now()) return; // its timer starts it
    clearTimeout(lane.timer);
    lane.timer = undefined;
    lane.target.backingOff.delete(lane);
    lane.busy = true;
    this.run(this.deliver(lane));
  }

  private next(lane: Lane): OutboxEntry | undefined {
    return lane.article.events.find((e) => !lane.accepted.has(e.id));
  }

  private async deliver(lane: Lane): Promise<void> {
    const t = lane.target;
    await t.slots.take(lane.attempts === 0);
    t.running++;
    try {
      for (let event = this.next(lane); event && !this.stopped; event = this.next(lane)) {
        try {
          await t.target.deliver(envelope(event), lane.attempts + 1, this.abort.signal);
        } catch (err) {
          if (!this.stopped) this.failed(lane, event, err);
          return;
        }
        lane.accepted.add(event.id);
        this.succeeded(lane);
      }
    } finally {
      t.running--;
      if (!this.machineBusy()) this.machineIdle.quieted(() => !this.machineBusy());
      t.slots.give();
      lane.busy = false;
      if (!this.stopped) this.settle(lane.article);
    }
  }

  private succeeded(lane: Lane): void {
    const t = lane.target;
    const previous = t.lastSuccessAt;
    t.lastSuccessAt = Date.now();
    lane.attempts = 0;
    lane.failingSince = undefined;
    lane.notBefore = 0;
    if (!t.down) return;
    t.down = false;
    clearTimeout(t.probe);
    t.probe = undefined;
    // The target is back: every lane whose failures all came after its last success (so, most
    // likely, because it was down) goes again now instead of at the end of its backoff.
    for (const other of [...t.backingOff]) {
      if (other.failingSince !== undefined && other.failingSince > previous) this.kick(other, true);
    }
  }

  private failed(lane: Lane, event: OutboxEntry, err: unknown): void {
    const t = lane.target;
    lane.attempts++;
    lane.failingSince ??= Date.now();
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (lane.attempts - 1));
    lane.notBefore = Date.now() + delay;
    t.backingOff.add(lane);
    clearTimeout(lane.timer);
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      this.kick(lane);
    }, delay);
    t.down = true;
    this.armProbe(t);
    // The first failure and every doubling after it: a long outage does not flood the log.
    if ((lane.attempts & (lane.attempts - 1)) === 0) {
      this.logger.warn('webhook delivery failed; will retry', {
        target: t.target.name,
        articleId: lane.article.id,
        eventId: event.id,
        attempt: lane.attempts,
        retryInMs: delay,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  /** While a target is down, tries its longest-waiting lane every `probeMs` (one request in flight at most). */
  private armProbe(t: TargetState): void {
    if (t.probe || this.stopped) return;
    t.probe = setTimeout(() => {
      t.probe = undefined;
      if (!t.down || t.backingOff.size === 0 || this.stopped) return;
      if (t.running > 0) return this.armProbe(t);
      let first: Lane | undefined;
      for (const l of t.backingOff) if (!first || l.notBefore < first.notBefore) first = l;
      if (first) this.kick(first, true);
    }, this.options.probeMs);
  }

  /** Acknowledges what every target has taken; forgets the article once nothing is pending. */
  private settle(a: ArticleState): void {
    if (this.delivered(a).length > 0) this.acknowledge(a);
    else if (a.events.length === 0) this.forgetIfIdle(a);
  }

  /** The longest run of events, from the head of the outbox, that every target has taken. */
  private delivered(a: ArticleState): OutboxEntry[] {
    let n = 0;
    while (n < a.events.length && a.lanes.every((l) => l.accepted.has(a.events[n]!.id))) n++;
    return a.events.slice(0, n);
  }

  private acknowledge(a: ArticleState): void {
    if (a.ackQueued) return;
    a.ackQueued = true;
    this.storeOp(
      a,
      false,
      'acknowledgement',
      async () => {
        a.ackQueued = false;
        const done = this.delivered(a);
        if (done.length === 0) return;
        await this.history.record(done.filter((e) => isHistoryEvent(e.type)));
        // CommentAdded and the note of a request-changes become comment items, before they leave the outbox.
        for (const entry of done) await this.outbox.recordComment(entry);
        // Usually everything read was delivered: one write acknowledges it and leaves the index.
        const all = done.length === a.events.length;
        const whole = all && (await this.outbox.acknowledgeAll(a.id, done));
        if (!whole) await this.outbox.acknowledge(a.id, done);
        const gone = new Set(done.map((e) => e.id));
        a.events = a.events.filter((e) => !gone.has(e.id));
        for (const lane of a.lanes) for (const id of gone) lane.accepted.delete(id);
        // The whole outbox was expected and more was there: an event arrived since the last read.
        if (all && !whole) this.refresh(a);
        else this.forgetIfIdle(a);
      },
      () => this.yieldToMachine(),
    );
  }

  private machineBusy(): boolean {
    return this.targets.some((t) => t.target.sharesMachine && t.running > 0);
  }

  /**
   * An acknowledgement is bookkeeping no reader waits for, and on one machine it takes the CPU and
   * the stores from the renderer: it waits while the renderer renders, at most `ackYieldMs`, so the
   * pages of a crowded second come first. A lone publication's acknowledgement never waits: its
   * own render is over by then.
   */
  private async yieldToMachine(): Promise<void> {
    if (!this.stopped && this.machineBusy()) await this.machineIdle.wait(this.options.ackYieldMs);
  }

  private forgetIfIdle(a: ArticleState): void {
    if (a.events.length > 0 || a.refreshQueued || a.ackQueued || a.lanes.some((l) => l.busy)) return;
    for (const l of a.lanes) {
      clearTimeout(l.timer);
      l.target.backingOff.delete(l);
    }
    clearTimeout(a.retry);
    if (this.articles.get(a.id) === a) this.articles.delete(a.id);
  }
}
