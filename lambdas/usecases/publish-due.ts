import { SCHEDULER } from '../domain/article.js';
import { decide } from '../domain/workflow.js';
import { writeTransition, type WorkflowDeps } from './articles.js';
import { WriteConflict } from './ports.js';

/** A trigger to publish: the article and the time it was scheduled for when the trigger was set. */
export interface DueArticle {
  articleId: string;
  publishAt: string;
}

export type PublishOutcome = { outcome: 'published'; lateByMs: number } | { outcome: 'not-due' } | { outcome: 'stale' };

/**
 * Publishes a scheduled article whose time has come.
 * 1. Read it; a trigger for an article no longer scheduled for that time changes nothing.
 * 2. Too early (a timer that fired ahead) changes nothing either.
 * 3. Otherwise one conditional write, on the status and version just read: duplicate, late
 *    or racing triggers (and a chief editor rescheduling at the same moment) cannot publish twice.
 */
export async function publishDue(deps: WorkflowDeps, due: DueArticle): Promise<PublishOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const article = await deps.articles.get(due.articleId);
    if (!article || article.status !== 'scheduled' || article.publishAt !== due.publishAt) return { outcome: 'stale' };
    if (Date.parse(due.publishAt) > deps.now().getTime()) return { outcome: 'not-due' };
    const decision = decide(SCHEDULER, article, 'publish');
    if (decision.outcome !== 'allowed') return { outcome: 'stale' };
    try {
      const after = await writeTransition(deps, SCHEDULER, article, decision.rule);
      return { outcome: 'published', lateByMs: Date.parse(after.publishedAt!) - Date.parse(due.publishAt) };
    } catch (err) {
      if (!(err instanceof WriteConflict)) throw err;
    }
  }
  return { outcome: 'stale' };
}
