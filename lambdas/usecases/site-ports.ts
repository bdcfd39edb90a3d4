import type { SiteAuthor, SiteContext, SiteEntry, SiteFile } from '../site/model.js';
import type { ArticleReader } from './ports.js';
import type { Status } from '../domain/article.js';
import type { EventType } from '../domain/workflow.js';

/**
 * What the site renderer talks to. In AWS: the private site bucket behind CloudFront, CloudFront
 * invalidations, the table and a FIFO queue; locally: s3rver, nothing, dynalite and a timer.
 */

/** The site's files, in the site bucket. Paths start with `/` and are relative to the site's base. */
export interface SiteFiles {
  put(file: SiteFile): Promise<void>;
  /** Deletes the files; a path that is not there is not an error. */
  remove(paths: readonly string[]): Promise<void>;
  /** Leaves a marker that is answered 410 Gone with no content (a killed article's page and JSON). */
  gone(path: string): Promise<void>;
  /** Copies a verified media object (its key in the media bucket) to a site path, cached for long. */
  copyMedia(storedKey: string, path: string, contentType: string): Promise<void>;
}

/** Tells the CDN that paths changed. `reference` makes a retried call the same invalidation. */
export interface CdnInvalidator {
  invalidate(paths: readonly string[], reference: string): Promise<void>;
}

/** What the site holds of an article: written after its files, so a crash before it is re-rendered. */
export interface SiteRecord {
  articleId: string;
  slug: string;
  /** The article version the site's files were rendered from. */
  renderedVersion: number;
  state: 'live' | 'unpublished' | 'killed';
  /** The site paths of the images written for it, to delete when they go. */
  mediaPaths: string[];
  /** For the front page and feeds, while live. */
  entry: SiteEntry;
}

/** The renderer's own records in the table, and the latest live ones for the front page. */
export interface SiteIndex {
  get(articleId: string): Promise<SiteRecord | undefined>;
  /** Writes the record unless one with a later `renderedVersion` is there (then returns false). */
  put(record: SiteRecord): Promise<boolean>;
  /** The `limit` latest live records, newest publication first: one query, never a scan. */
  latest(limit: number): Promise<SiteRecord[]>;
  /** The records of these articles, by article id (the repair pass). */
  many(articleIds: readonly string[]): Promise<Map<string, SiteRecord>>;
  /** Every article in these statuses with its version, a page at a time (the repair pass's walk). */
  articlesIn(statuses: readonly Status[]): AsyncGenerator<{ id: string; version: number }[]>;
  /** When the last front-page render began, and recording that one began. */
  frontStartedAt(): Promise<string | undefined>;
  markFrontStarted(at: string): Promise<void>;
}

/** Asks for the front page and feeds to be rendered again; requests close together are coalesced. */
export interface FrontPageRequests {
  request(requestedAt: string): Promise<void>;
}

/** An author's public profile, as the page shows it; undefined when they never wrote one. */
export interface AuthorProfiles {
  get(userId: string): Promise<SiteAuthor | undefined>;
}

/**
 * What the renderer is asked to do. In AWS these are the messages of the site's FIFO queue:
 * an article's in its own message group (so one article renders in order), the front page's in
 * the group `front-page` (so front-page renders never race).
 */
export type SiteMessage = { kind: 'article'; articleId: string; version: number } | { kind: 'front'; requestedAt: string };

export interface SiteDeps {
  articles: ArticleReader;
  profiles: AuthorProfiles;
  files: SiteFiles;
  cdn: CdnInvalidator;
  index: SiteIndex;
  front: FrontPageRequests;
  site: SiteContext;
  now: () => Date;
}

/** The renderer, built by `siteRenderer(deps)` in render-site.ts. */
export interface SiteRenderer {
  /**
   * Brings the article's files in line with its current state; a message older than the last render
   * does nothing. True when it wrote something.
   */
  article(articleId: string, version: number): Promise<boolean>;
  /** Renders the front page and feeds, unless a render that began after `requestedAt` already did. */
  frontPage(requestedAt: string): Promise<void>;
  /** Re-renders every article whose files lag its state (after a crash mid-render); returns how many. */
  repair(): Promise<number>;
  handle(message: SiteMessage): Promise<void>;
}

/** The events that can change what readers see; the renderer hears only these. */
export const SITE_EVENT_TYPES: readonly EventType[] = [
  'ArticlePublished',
  'ArticleCorrected',
  'ArticleUnpublished',
  'ArticleKilled',
  'MediaReady',
];
