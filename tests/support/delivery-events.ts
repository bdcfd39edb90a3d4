import type { DomainEvent } from '../../lambdas/domain/events.js';

/** An article's submission as the outbox and the delivery log hold it: the event delivery tests record attempts of. */
export function submission(articleId: string, version: number, occurredAt: Date): DomainEvent {
  return {
    id: `${articleId}:${version}:ArticleSubmitted`,
    type: 'ArticleSubmitted',
    occurredAt: occurredAt.toISOString(),
    articleId,
    version,
    from: 'draft',
    to: 'in_review',
    actor: { id: 'rita', name: 'Rita' },
    article: { headline: 'H', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
  };
}
