import type { Article, ArticleContent, Correction, Revision, RevisionInfo, Status } from '../domain/article.js';
import type { DomainEvent, HistoryEntry } from '../domain/events.js';
import type { Media } from '../domain/media.js';

/** Where a list of articles comes from: one index partition, optionally filtered. */
export type ListSource =
  | { by: 'status'; status: Status; authorIsNot?: string; order?: 'updatedAt' }
  | { by: 'author'; authorId: string; status?: Status; order?: 'updatedAt' }
  /** Scheduled articles by publication time, soonest first; optionally one author's only. */
  | { by: 'publishAt'; authorId?: string }
  /** Articles with a tag (by tag key), newest first, that match any of `match`: what the caller may see. */
  | { by: 'tag'; tag: string; match: readonly TagMatch[] };

/** One kind of article a tag list shows: by this author (any when absent), in one of these statuses (any when absent). */
export interface TagMatch {
  authorId?: string;
  statuses?: readonly Status[];
}

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

export interface HistoryPage {
  items: HistoryEntry[];
  nextCursor: string | null;
}

/** Thrown when a conditional write finds the article no longer as the caller saw it. */
export class WriteConflict extends Error {
  constructor() {
    super('The article changed before the write.');
    this.name = 'WriteConflict';
  }
}

/** What every function that reads articles needs. */
export interface ArticleReader {
  get(id: string): Promise<Article | undefined>;
}

/** What every function that moves articles needs: read one, and move it with its events. */
export interface WorkflowRepository extends ArticleReader {
  /**
   * Moves the article and appends its events to the outbox, in one conditional write;
   * with `mediaVerified`, only while every attached file is verified. With `appliedKey`, the
   * request's Idempotency-Key is recorded in the same write, so a retry can tell it was applied.
   */
  transition(
    seen: Article,
    changes: Partial<Article>,
    events: readonly DomainEvent[],
    now: string,
    opts?: { mediaVerified?: boolean; appliedKey?: AppliedKey },
  ): Promise<Article>;
  /**
   * Claims a slug for the article, unique across the site: `candidate(1)` when it is free or the
   * article's already, otherwise the next numbered one, `candidate(2)`, `candidate(3)`…, in the order
   * articles claimed them. A claim costs the same however many articles share the headline. A
   * numbered claim whose write then fails stays the article's; its retry takes the next number
   * (a gap in the numbering, never one slug for two articles).
   */
  claimSlug(articleId: string, candidate: (n: number) => string): Promise<string>;
}

/** An Idempotency-Key's record id and the fingerprint of the request that used it. */
export interface AppliedKey {
  recordId: string;
  fingerprint: string;
}

/** What a content change writes besides the text: its revision, events and, for a correction, the note. */
export interface ContentChange {
  revision: RevisionInfo;
  events: readonly DomainEvent[];
  correction?: Correction;
  appliedKey?: AppliedKey;
  /** The slug a correction gives an article published before slugs existed. */
  slug?: string;
}

/** The writes that create articles and change their content: the write function's. */
export interface ContentRepository extends ArticleReader {
  /** Creates the article (revision 1) with its ArticleCreated event. */
  create(article: Article, events: readonly DomainEvent[]): Promise<void>;
  /**
   * Replaces content if status and version are still those of `seen`, as the next revision.
   * The revision `seen` holds is kept as an item of its own first, so every earlier text stays.
   */
  saveContent(seen: Article, content: Partial<ArticleContent>, now: string, change: ContentChange): Promise<Article>;
}

/** Earlier revisions of an article's text, each written once and never changed. */
export interface RevisionStore {
  /** Revisions below `before`, newest first, at most `limit`. */
  list(articleId: string, before: number, limit: number): Promise<Revision[]>;
  get(articleId: string, revision: number): Promise<Revision | undefined>;
}

/** Both: moving articles and changing their content. */
export interface ArticleRepository extends WorkflowRepository, ContentRepository {}

/** The repository with the writes of the functions that handle media. */
export interface MediaArticleRepository extends ArticleRepository {
  /** Attaches a pending file while the article is still in the status `seen` had. */
  attachMedia(seen: Article, media: Media, maxPerArticle: number): Promise<void>;
  /** Records a verification, with its event, if the file is still pending; false otherwise. */
  settleMedia(articleId: string, media: Media, event: DomainEvent): Promise<boolean>;
  /** Changes a file's caption or credit while the article is still in the status `seen` had and the file is attached. */
  describeMedia(seen: Article, mediaId: string, changes: Pick<Partial<Media>, 'caption' | 'credit'>): Promise<void>;
  /** Records a pending file as expired (its upload form ran out); false once it is not pending. */
  expireMedia(articleId: string, expired: Media): Promise<boolean>;
  /** Detaches a file, if it is still as `media` describes it and the article still as `seen`. */
  removeMedia(seen: Article, media: Media): Promise<void>;
}

/** An article's history; only the read function needs it. */
export interface ArticleHistory {
  /** One page of the article's history, oldest first, after the position a cursor names. */
  history(id: string, page: { limit: number; cursor?: string }): Promise<HistoryPage>;
}

/** Lists of articles from the list indexes; only the read function needs them. */
export interface ArticleLists {
  list(request: ListRequest): Promise<Page>;
}

/** The outbox, as the dispatcher sees it. */
export interface OutboxEntry extends DomainEvent {
  seq: number;
}

export interface Outbox {
  articlesWithPendingEvents(limit: number): Promise<string[]>;
  pendingEvents(articleId: string): Promise<OutboxEntry[]>;
  recordHistory(entry: OutboxEntry): Promise<void>;
  /** Writes the comment item an event puts in the thread, once (CommentAdded, ChangesRequested); others are skipped. */
  recordComment(entry: OutboxEntry): Promise<void>;
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

/** A presigned browser form upload: POST `fields` and the file to `url` before `expiresAt`. */
export interface UploadForm {
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** An object's bytes, read by range: `read` answers at most `length` bytes, fewer at the end. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Where media files live: S3 in the cloud, s3rver locally. */
export interface MediaStore {
  presignUpload(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<UploadForm>;
  /** A link that serves the object as an attachment named `filename`, of type `contentType`. */
  presignDownload(key: string, expiresInSeconds: number, as: { filename: string; contentType: string }): Promise<string>;
  /** Copies an object server-side; false when the source is not there. */
  copy(from: string, to: string): Promise<boolean>;
  /** The object's bytes, or undefined when it is not there. */
  open(key: string): Promise<ByteSource | undefined>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every object key under `prefix`. */
  keys(prefix: string): AsyncIterable<string>;
}
