import type { WorkflowDeps } from '../usecases/articles.js';
import type { ScheduleIndex } from '../usecases/ports.js';
import { publishDue, type DueArticle, type PublishOutcome } from '../usecases/publish-due.js';

/**
 * Publishes every scheduled article due by `now`, a few at a time; returns how many it
 * published. Used by the local timer and by the cloud's one-minute sweep alike.
 */
export async function publishEverythingDue(
  deps: WorkflowDeps,
  schedule: ScheduleIndex,
  now: Date,
  onPublished: (outcome: Extract<PublishOutcome, { outcome: 'published' }>, due: DueArticle) => void = () => undefined,
): Promise<number> {
  let published = 0;
  for (;;) {
    const due = await schedule.dueBy(now.toISOString(), 50);
    const outcomes = await Promise.all(due.map((d) => publishDue(deps, d)));
    for (const [i, o] of outcomes.entries()) {
      if (o.outcome === 'published') {
        published++;
        onPublished(o, due[i]!);
      }
    }
    // A full page that published nothing is made of stale entries that will not change: stop.
    if (due.length < 50 || outcomes.every((o) => o.outcome !== 'published')) return published;
  }
}
