import { LIMITS, type Actor, type Article } from '../domain/article.js';
import { badInput } from '../domain/errors.js';
import { tagKey } from '../domain/tags.js';
import type { ArticleLists, ListSource, Page, TagMatch } from './ports.js';
import { ListQuery, parseInput } from './schemas.js';

/** A page of the articles the caller asked for and may see: which index partitions make it up, then the read. */
export async function listArticles(lists: ArticleLists, actor: Actor, query: Record<string, string | undefined>): Promise<Page> {
  const q = parseInput(ListQuery, query, '/query');
  const limit = q.limit ? Number(q.limit) : LIMITS.listPage.default;
  return lists.list({ sources: q.tag === undefined ? sourcesFor(actor, q) : tagSources(actor, q, q.tag), limit, cursor: q.cursor });
}

type ListFilters = { status?: Article['status']; author?: string; sort?: string };

/**
 * A tag's list: the tag index, newest first, showing what the same query without the tag would
 * show the caller. Its order is the index's (creation), so no other `sort` goes with it.
 */
function tagSources(actor: Actor, q: ListFilters, tag: string): ListSource[] {
  if (q.sort === 'updatedAt' || q.sort === 'publishAt') {
    throw badInput(
      '/query/sort',
      `\`tag\` lists are newest first by creation: \`sort=${q.sort}\` cannot go with \`tag\`; leave \`sort\` out.`,
    );
  }
  const match = sourcesFor(actor, { ...q, sort: 'createdAt' }).map((s): TagMatch => {
    if (s.by === 'status') return { statuses: [s.status] };
    if (s.by === 'author') return s.status ? { authorId: s.authorId, statuses: [s.status] } : { authorId: s.authorId };
    throw new Error(`A tag list cannot be made of ${s.by}`);
  });
  return match.length ? [{ by: 'tag', tag: tagKey(tag), match }] : [];
}

/**
 * Which index partitions make up the list the caller asked for, given what they may see.
 * Scheduled articles list by publication time, soonest first, unless another `sort` is asked for;
 * `sort=updatedAt` reads the same partitions from the indexes ordered by the last change.
 */
function sourcesFor(actor: Actor, q: ListFilters): ListSource[] {
  const desk = actor.groups.includes('editors') || actor.groups.includes('chief-editors');
  if (q.sort === 'publishAt' && q.status !== 'scheduled') {
    throw badInput('/query/sort', '`sort=publishAt` lists scheduled articles: add `status=scheduled`.');
  }
  if (q.status === 'scheduled' && (q.sort ?? 'publishAt') === 'publishAt' && (desk || !q.author || q.author === actor.id)) {
    return [{ by: 'publishAt', authorId: desk ? q.author : actor.id }];
  }
  // Only when asked for, so the sources (and the cursors bound to them) of the other lists stay as they were.
  const order = q.sort === 'updatedAt' ? { order: 'updatedAt' as const } : {};
  const byStatus = (status: Article['status'], authorIsNot?: string): ListSource =>
    authorIsNot ? { by: 'status', status, authorIsNot, ...order } : { by: 'status', status, ...order };
  const byAuthor = (authorId: string, status?: Article['status']): ListSource =>
    status ? { by: 'author', authorId, status, ...order } : { by: 'author', authorId, ...order };
  if (desk || q.author === actor.id) {
    if (q.author) return [byAuthor(q.author, q.status)];
    if (q.status) return [byStatus(q.status)];
    // The desk's default list is the work in hand: spiked and killed articles only when asked for.
    return (['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const).map((status) => byStatus(status));
  }
  if (q.author) return q.status && q.status !== 'published' ? [] : [byAuthor(q.author, 'published')];
  if (q.status === 'published') return [byStatus('published')];
  if (q.status) return [byAuthor(actor.id, q.status)];
  return [byAuthor(actor.id), byStatus('published', actor.id)];
}
