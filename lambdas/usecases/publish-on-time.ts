import type { WorkflowDeps } from './articles.js';
import { publishDue, type DueArticle, type PublishOutcome } from './publish-due.js';

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Publishes a scheduled article at its time, for a trigger that may come early. EventBridge
 * Scheduler works to the minute: a one-time schedule fires up to 59 s before the second it was
 * given. Rather than answer "not due" and leave the article to the next sweep (up to a minute
 * late), a trigger that finds the article due within `maxWaitMs` waits for it and publishes.
 * The write stays conditional on the article as scheduled, so a change meanwhile wins.
 */
export async function publishOnTime(
  deps: WorkflowDeps,
  due: DueArticle,
  opts: { maxWaitMs: number; sleep?: Sleep },
): Promise<PublishOutcome> {
  const sleep = opts.sleep ?? realSleep;
  let outcome = await publishDue(deps, due);
  // A timer may wake a millisecond short of its time: look again, a few times at most.
  for (let attempt = 0; outcome.outcome === 'not-due' && attempt < 3; attempt++) {
    const waitMs = Date.parse(due.publishAt) - deps.now().getTime();
    if (waitMs > opts.maxWaitMs) return outcome;
    await sleep(Math.max(waitMs, 1));
    outcome = await publishDue(deps, due);
  }
  return outcome;
}
