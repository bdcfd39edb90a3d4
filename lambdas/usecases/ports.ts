import type { Article, ArticleContent, Status } from '../domain/article.js';
import type { DomainEvent, HistoryEntry } from '../domain/events.js';

/** Where a list of articles comes from: one index partition, optionally filtered. */
export type ListSource =
  | { by: 'status'; status: Status; authorIsNot?: string }
  | { by: 'author'; authorId: string; status?: Status };

export interface ListRequest {
  sources: readonly ListSource[];
  limit: number;
  cursor?: string;
}

/** Articles in a list carry no body; `body` is undefined there. */
export interface Page {
  items: Article[];
  nextCursor: string | null;
}

/** Thrown when a conditional write finds the article no longer as the caller saw it. */
export class WriteConflict extends Error {
  constructor() {
    super('The article changed before the write.');
    this.name = 'WriteConflict';
  }
}

export interface ArticleRepository {
  create(article: Article): Promise<void>;
  get(id: string): Promise<Article | undefined>;
  /** Replaces content if status and version are still those of `seen`. */
  saveContent(seen: Article, content: Partial<ArticleContent>, now: string): Promise<Article>;
  /** Moves the article and appends its events to the outbox, in one conditional write. */
  transition(seen: Article, changes: Partial<Article>, events: readonly DomainEvent[], now: string): Promise<Article>;
  list(request: ListRequest): Promise<Page>;
  history(id: string): Promise<HistoryEntry[]>;
}

/** The outbox, as the dispatcher sees it. */
export interface OutboxEntry extends DomainEvent {
  seq: number;
}

export interface Outbox {
  articlesWithPendingEvents(limit: number): Promise<string[]>;
  pendingEvents(articleId: string): Promise<OutboxEntry[]>;
  recordHistory(entry: OutboxEntry): Promise<void>;
  acknowledge(articleId: string, delivered: readonly OutboxEntry[]): Promise<void>;
}

/** Delivers events to subscribers: webhooks locally, EventBridge in the cloud. */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** The sparse index of scheduled articles, earliest first. */
export interface ScheduleIndex {
  /** Scheduled articles due at or before `until`, earliest first. */
  dueBy(until: string, limit: number): Promise<{ articleId: string; publishAt: string }[]>;
  /** The next scheduled article, due or not. */
  next(): Promise<{ articleId: string; publishAt: string } | undefined>;
}
