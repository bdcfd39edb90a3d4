import { diffArrays, diffWordsWithSpace } from 'diff';
import { CONTENT_FIELDS, contentOf, LIMITS, type Actor, type Article, type Revision } from '../domain/article.js';
import { badInput, conflict, notFound } from '../domain/errors.js';
import { readArticle, refuseIfNeverAllowed, withRetry, writeContent, type ContentDeps } from './articles.js';
import type { RevisionStore } from './ports.js';
import { DiffQuery, parseInput, RevisionsQuery } from './schemas.js';

/** What the revision routes need: the article's content writes and its earlier revisions. */
export interface RevisionDeps extends ContentDeps {
  revisions: RevisionStore;
}

/** One line of the revisions list: everything but the text. */
export type RevisionSummary = Omit<Revision, 'headline' | 'standfirst' | 'body' | 'tags'>;

/** One change in a field's diff: text (or a tag) kept, added or removed. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

const REVISION = /^[1-9]\d{0,8}$/;

/** Revisions and their diffs are the author's and the desk's: anyone else is told the article does not exist. */
async function articleForRevisions(deps: ContentDeps, actor: Actor, id: string): Promise<Article> {
  const article = await readArticle(deps, actor, id);
  const desk = actor.groups.includes('editors') || actor.groups.includes('chief-editors');
  if (article.authorId !== actor.id && !desk) throw notFound();
  return article;
}

/** The revision the article holds now, from the article itself (its copy as an item may not exist yet). */
const currentRevision = (article: Article): Revision => ({ ...article.lastRevision!, ...contentOf(article) });

async function revisionOf(deps: RevisionDeps, article: Article, param: string | undefined): Promise<Revision> {
  const n = param !== undefined && REVISION.test(param) ? Number(param) : 0;
  if (n === article.revision) return currentRevision(article);
  // A copy above the article's revision is left from a write that never completed: it does not exist.
  const found = n >= 1 && n < article.revision ? await deps.revisions.get(article.id, n) : undefined;
  if (!found) throw notFound(`The article has no revision ${param}.`);
  return found;
}

const encodeCursor = (id: string, revision: number) => Buffer.from(JSON.stringify({ a: id, r: revision })).toString('base64url');

function decodeCursor(cursor: string, article: Article): number {
  let parsed: { a?: unknown; r?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  const r = parsed?.r;
  if (parsed?.a !== article.id || !Number.isInteger(r) || (r as number) < 1 || (r as number) > article.revision) {
    throw badInput('/query/cursor', 'The cursor is not valid for these revisions.');
  }
  return r as number;
}

/** The article's revisions, newest first, `limit` at a time. */
export async function listRevisions(deps: RevisionDeps, actor: Actor, id: string, query: Record<string, string | undefined>) {
  const article = await articleForRevisions(deps, actor, id);
  const q = parseInput(RevisionsQuery, query, '/query');
  const limit = q.limit ? Number(q.limit) : LIMITS.revisionPage.default;
  const before = q.cursor === undefined ? article.revision + 1 : decodeCursor(q.cursor, article);
  const found: Revision[] = before > article.revision ? [currentRevision(article)] : [];
  // One more than a page, to know whether another follows.
  found.push(...(await deps.revisions.list(id, Math.min(before, article.revision), limit + 1 - found.length)));
  const items = found.slice(0, limit);
  return {
    items: items.map(({ revision, version, kind, actor: by, at, fields }): RevisionSummary => ({
      revision,
      version,
      kind,
      actor: by,
      at,
      fields,
    })),
    nextCursor: found.length > limit ? encodeCursor(id, items.at(-1)!.revision) : null,
  };
}

/** One revision, with its text, as it was written. */
export async function getRevision(deps: RevisionDeps, actor: Actor, id: string, revision: string | undefined) {
  const {
    revision: n,
    version,
    kind,
    actor: by,
    at,
    headline,
    standfirst,
    body,
    tags,
  } = await revisionOf(deps, await articleForRevisions(deps, actor, id), revision);
  return { revision: n, version, kind, actor: by, at, headline, standfirst, body, tags };
}

/** A word-level diff of each field that differs between two revisions (tags tag by tag). */
export async function diffRevisions(
  deps: RevisionDeps,
  actor: Actor,
  id: string,
  revision: string | undefined,
  query: Record<string, string | undefined>,
) {
  const article = await articleForRevisions(deps, actor, id);
  const { against: asked } = parseInput(DiffQuery, query, '/query');
  const newer = await revisionOf(deps, article, revision);
  if (asked === undefined && newer.revision === 1) {
    throw badInput('/query/against', 'Revision 1 is the first: name the revision to compare it with in `against`.');
  }
  const older = await revisionOf(deps, article, asked ?? String(newer.revision - 1));
  const fields: Partial<Record<(typeof CONTENT_FIELDS)[number], DiffPart[]>> = {};
  for (const f of CONTENT_FIELDS) {
    if (JSON.stringify(older[f]) === JSON.stringify(newer[f])) continue;
    const changes =
      f === 'tags'
        ? diffArrays(older.tags, newer.tags).flatMap((c) => c.value.map((tag) => ({ ...c, value: tag })))
        : diffWordsWithSpace(older[f], newer[f]);
    fields[f] = changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
  }
  return { revision: newer.revision, against: older.revision, fields };
}

/**
 * Makes an earlier revision's text the article's, as a new revision of kind `restored`, with the
 * rights and If-Match of an edit. A published article changes only through `correct`, which leaves
 * readers a note.
 */
export async function restoreRevision(
  deps: RevisionDeps,
  actor: Actor,
  id: string,
  revision: string | undefined,
  ifMatch: string | undefined,
): Promise<Article> {
  const article = await articleForRevisions(deps, actor, id);
  refuseIfNeverAllowed(actor, article, 'edit', 'restore revisions');
  if (article.status === 'published') {
    throw conflict('A published article changes only through correct, which leaves readers a note.', { currentStatus: article.status });
  }
  const restored = await revisionOf(deps, article, revision);
  if (restored.revision === article.revision) throw conflict(`Revision ${restored.revision} is the current text already.`);
  return withRetry(deps, actor, article, 'edit', { ifMatch, ifMatchRequired: true }, (seen, rule) =>
    writeContent(deps, actor, seen, rule, contentOf(restored), 'restored'),
  );
}
