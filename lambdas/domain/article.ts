import type { Media } from './media.js';

/** The article as the newsroom knows it, independent of where it is stored. */
export const STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'spiked', 'killed'] as const;
export type Status = (typeof STATUSES)[number];

export const GROUPS = ['reporters', 'editors', 'chief-editors'] as const;
export type Group = (typeof GROUPS)[number];

export interface Actor {
  id: string;
  name: string;
  groups: readonly Group[];
  /** Set only for the newsroom's own processes, never from a token. */
  system?: 'scheduler';
}

/** The scheduler that publishes scheduled articles when they fall due. */
export const SCHEDULER: Actor = { id: 'newsroom-scheduler', name: 'Newsroom scheduler', groups: [], system: 'scheduler' };

/** The verifier that checks uploaded media. */
export const MEDIA_VERIFIER: Actor = { id: 'newsroom-media-verifier', name: 'Newsroom media verifier', groups: [] };

export interface ArticleContent {
  headline: string;
  standfirst: string;
  body: string;
  tags: string[];
}

export const CONTENT_FIELDS = ['headline', 'standfirst', 'body', 'tags'] as const satisfies readonly (keyof ArticleContent)[];
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** Who did something, as the newsroom shows it. */
export interface ActorRef {
  id: string;
  name: string;
}

/** How a revision came about: the first text, an edit, a public correction, or a restore. */
export type RevisionKind = 'created' | 'edited' | 'corrected' | 'restored';

/** What is known of a revision besides its text. */
export interface RevisionInfo {
  revision: number;
  /** The article's version when this text was written. */
  version: number;
  kind: RevisionKind;
  actor: ActorRef;
  at: string;
  /** The fields this revision changed (all of them for the first). */
  fields: ContentField[];
}

/** One version of the text, as written: never changes once written. */
export interface Revision extends RevisionInfo, ArticleContent {}

/** A public note on a published article's text: a correction, or an update. */
export interface Correction {
  revision: number;
  kind: 'correction' | 'update';
  note: string;
  at: string;
  by: ActorRef;
}

/** The latest request for changes on a draft, shown until it is submitted again. */
export interface ChangesRequested {
  comment: string;
  by: { id: string; name: string };
  at: string;
}

export interface Article extends ArticleContent {
  id: string;
  status: Status;
  version: number;
  authorId: string;
  authorName: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  /** The current revision of the text. */
  revision: number;
  /** Public corrections and updates, oldest first. */
  corrections: Correction[];
  /** The current revision's details; absent on list summaries. */
  lastRevision?: RevisionInfo;
  /** The latest request for changes, until the draft is submitted again; absent on list summaries. */
  changesRequested?: ChangesRequested | null;
  /** Attached files by id; absent on list summaries. */
  media?: Record<string, Media>;
  /** The public path segment, given at first publication and kept; null before; absent on list summaries. */
  slug?: string | null;
}

/**
 * What every view of an article shows, in this order: the API's article responses and the list
 * indexes' projection (everything but the body, the files and the outbox) read this one list.
 */
export const ARTICLE_FIELDS = [
  'id',
  'status',
  'version',
  'headline',
  'standfirst',
  'tags',
  'authorId',
  'authorName',
  'createdAt',
  'updatedAt',
  'submittedAt',
  'approvedBy',
  'approvedAt',
  'publishAt',
  'publishedAt',
] as const satisfies readonly (keyof Article)[];

export const LIMITS = {
  headline: { min: 1, max: 300 },
  standfirst: { max: 1_000 },
  body: { min: 1, max: 200_000 },
  tags: { max: 20, maxLength: 50 },
  comment: { min: 1, max: 5_000 },
  reason: { min: 1, max: 1_000 },
  revisionPage: { min: 1, max: 100, default: 20 },
  /**
   * Admits the largest valid article however a client encodes it: every UTF-16 unit of its text
   * (about 202,300) as a six-byte `\uXXXX` escape, as Python's json.dumps does by default, is
   * 1.2 MB. Below Lambda's 6 MB request payload and the HTTP API's 10 MB, which are reached later.
   */
  requestBytes: 2 * 1024 * 1024,
  listPage: { min: 1, max: 100, default: 20 },
  historyPage: { min: 1, max: 100, default: 50 },
} as const;

export function newDraft(input: { id: string; content: ArticleContent; author: Actor; now: string }): Article {
  return {
    ...input.content,
    id: input.id,
    status: 'draft',
    version: 1,
    authorId: input.author.id,
    authorName: input.author.name,
    createdAt: input.now,
    updatedAt: input.now,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    publishAt: null,
    publishedAt: null,
    revision: 1,
    corrections: [],
    lastRevision: {
      revision: 1,
      version: 1,
      kind: 'created',
      actor: { id: input.author.id, name: input.author.name },
      at: input.now,
      fields: [...CONTENT_FIELDS],
    },
    changesRequested: null,
    media: {},
    slug: null,
  };
}

/** The text of an article, for a revision. */
export const contentOf = (a: ArticleContent): ArticleContent => ({
  headline: a.headline,
  standfirst: a.standfirst,
  body: a.body,
  tags: a.tags,
});

/** The content fields `next` gives a different value from `current`'s. */
export function changedFields(current: ArticleContent, next: Partial<ArticleContent>): ContentField[] {
  return CONTENT_FIELDS.filter((f) => next[f] !== undefined && JSON.stringify(next[f]) !== JSON.stringify(current[f]));
}
