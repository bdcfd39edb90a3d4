import type { Actor, Article, Group, Status } from './article.js';
import { conflict } from './errors.js';
import { blocksApproval } from './media.js';

/**
 * The editorial workflow as data: every rule about who may do what, in which status,
 * lives in this table and nowhere else. The API's `allowedActions` is read from it too.
 */
export const ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'request-changes',
  'approve',
  'schedule',
  'unschedule',
  'publish',
  'correct',
  'unpublish',
  'spike',
  'unspike',
  'kill',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who a rule speaks of: the article's author, a member of a group, or the newsroom's scheduler. */
export type Party = 'author' | Group | 'scheduler';

export const EVENT_TYPES = [
  'ArticleCreated',
  'ArticleEdited',
  'ArticleSubmitted',
  'ArticleWithdrawn',
  'ChangesRequested',
  'ArticleApproved',
  'ArticleScheduled',
  'ArticleUnscheduled',
  'ArticlePublished',
  'ArticleCorrected',
  'ArticleUnpublished',
  'ArticleSpiked',
  'ArticleUnspiked',
  'ArticleKilled',
  'MediaReady',
  'MediaRejected',
  'CommentAdded',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Events that make up an article's history: its transitions and its text's revisions, not its files' checks or its comments. */
export const isHistoryEvent = (type: EventType) => type !== 'MediaReady' && type !== 'MediaRejected' && type !== 'CommentAdded';

/** Field changes a transition makes, interpreted once in `transitionEffects`. */
export type Effect =
  'markSubmitted' | 'clearSubmission' | 'markApproved' | 'clearApproval' | 'setPublishAt' | 'clearPublishAt' | 'markPublished';

/** Approve publishes now, or schedules when the chief gives a future `publishAt`. */
export type Timing = 'now' | 'later';

/** A condition on the article itself, beyond its status: approval waits for every file to be verified. */
export type Guard = 'mediaVerified';

/**
 * `exact`: the caller must name, with If-Match, the version they read (428 without, 412 when
 * stale; `*` names none). A chief editor approves or publishes exactly what they saw.
 */
export type Binding = 'exact';

export interface WorkflowRule {
  action: Action;
  from: Status;
  to: Status;
  by: readonly Party[];
  timing?: Timing;
  guard?: Guard;
  ifMatch?: Binding;
  events: readonly EventType[];
  effects: readonly Effect[];
}

const DESK: readonly Party[] = ['editors', 'chief-editors'];
const CHIEF: readonly Party[] = ['chief-editors'];

/**
 * One row per transition. `killed` is terminal: no row leaves it. Content changes (edit, correct,
 * restore) also write a revision of the text; only `correct` changes a published article's text.
 */
export const WORKFLOW: readonly WorkflowRule[] = [
  { action: 'edit', from: 'draft', to: 'draft', by: ['author', ...DESK], events: ['ArticleEdited'], effects: [] },
  { action: 'edit', from: 'in_review', to: 'in_review', by: DESK, events: ['ArticleEdited'], effects: [] },
  { action: 'edit', from: 'unpublished', to: 'unpublished', by: DESK, events: ['ArticleEdited'], effects: [] },
  { action: 'submit', from: 'draft', to: 'in_review', by: ['author'], events: ['ArticleSubmitted'], effects: ['markSubmitted'] },
  { action: 'withdraw', from: 'in_review', to: 'draft', by: ['author'], events: ['ArticleWithdrawn'], effects: ['clearSubmission'] },
  { action: 'request-changes', from: 'in_review', to: 'draft', by: DESK, events: ['ChangesRequested'], effects: ['clearSubmission'] },
  ...(['in_review', 'unpublished'] as const).flatMap((from): WorkflowRule[] => [
    {
      action: 'approve',
      from,
      to: 'published',
      by: CHIEF,
      timing: 'now',
      guard: 'mediaVerified',
      ifMatch: 'exact',
      events: ['ArticleApproved', 'ArticlePublished'],
      effects: ['markApproved', 'markPublished'],
    },
    {
      action: 'approve',
      from,
      to: 'scheduled',
      by: CHIEF,
      timing: 'later',
      guard: 'mediaVerified',
      ifMatch: 'exact',
      events: ['ArticleApproved', 'ArticleScheduled'],
      effects: ['markApproved', 'setPublishAt'],
    },
  ]),
  { action: 'schedule', from: 'scheduled', to: 'scheduled', by: CHIEF, events: ['ArticleScheduled'], effects: ['setPublishAt'] },
  { action: 'unschedule', from: 'scheduled', to: 'in_review', by: CHIEF, events: ['ArticleUnscheduled'], effects: ['clearApproval'] },
  {
    action: 'publish',
    from: 'scheduled',
    to: 'published',
    by: [...CHIEF, 'scheduler'],
    ifMatch: 'exact',
    events: ['ArticlePublished'],
    effects: ['markPublished'],
  },
  { action: 'correct', from: 'published', to: 'published', by: DESK, ifMatch: 'exact', events: ['ArticleCorrected'], effects: [] },
  { action: 'unpublish', from: 'published', to: 'unpublished', by: CHIEF, events: ['ArticleUnpublished'], effects: [] },
  { action: 'spike', from: 'draft', to: 'spiked', by: ['author', ...DESK], events: ['ArticleSpiked'], effects: [] },
  { action: 'spike', from: 'in_review', to: 'spiked', by: DESK, events: ['ArticleSpiked'], effects: ['clearSubmission'] },
  { action: 'unspike', from: 'spiked', to: 'draft', by: ['author', ...DESK], events: ['ArticleUnspiked'], effects: [] },
  { action: 'kill', from: 'published', to: 'killed', by: CHIEF, events: ['ArticleKilled'], effects: [] },
  { action: 'kill', from: 'unpublished', to: 'killed', by: CHIEF, events: ['ArticleKilled'], effects: [] },
  { action: 'kill', from: 'scheduled', to: 'killed', by: CHIEF, events: ['ArticleKilled'], effects: ['clearPublishAt'] },
];

/** Who may read an article at all. Anyone else is told it does not exist. */
export function canRead(actor: Actor, article: Pick<Article, 'authorId' | 'status'>): boolean {
  return (
    article.status === 'published' ||
    article.authorId === actor.id ||
    actor.groups.includes('editors') ||
    actor.groups.includes('chief-editors')
  );
}

function partiesOf(actor: Actor, article: Pick<Article, 'authorId'>): Set<Party> {
  const parties = new Set<Party>(actor.groups);
  if (actor.system === 'scheduler') parties.add('scheduler');
  else if (article.authorId === actor.id) parties.add('author');
  return parties;
}

export type Decision =
  { outcome: 'allowed'; rule: WorkflowRule } | { outcome: 'forbidden' } | { outcome: 'not-now'; currentStatus: Status };

/**
 * Decides an action: `forbidden` when no rule for it names the caller (403),
 * `not-now` when one does but not in the article's current status (409).
 */
export function decide(actor: Actor, article: Pick<Article, 'authorId' | 'status'>, action: Action, timing?: Timing): Decision {
  const parties = partiesOf(actor, article);
  const mine = WORKFLOW.filter((r) => r.action === action && r.by.some((p) => parties.has(p)));
  if (mine.length === 0) return { outcome: 'forbidden' };
  const rule = mine.find((r) => r.from === article.status && (!r.timing || !timing || r.timing === timing));
  return rule ? { outcome: 'allowed', rule } : { outcome: 'not-now', currentStatus: article.status };
}

/** What the caller may do with the article now, for `allowedActions`. */
export function allowedActions(actor: Actor, article: Pick<Article, 'authorId' | 'status'>): Action[] {
  return ACTIONS.filter((a) => decide(actor, article, a).outcome === 'allowed');
}

/** The field changes a rule makes to an article. */
export function transitionEffects(rule: WorkflowRule, ctx: { actor: Actor; now: string; publishAt?: string }): Partial<Article> {
  const changes: Partial<Article> = { status: rule.to };
  for (const effect of rule.effects) {
    switch (effect) {
      case 'markSubmitted':
        changes.submittedAt = ctx.now;
        break;
      case 'clearSubmission':
        changes.submittedAt = null;
        break;
      case 'markApproved':
        changes.approvedBy = ctx.actor.id;
        changes.approvedAt = ctx.now;
        break;
      case 'clearApproval':
        Object.assign(changes, { approvedBy: null, approvedAt: null, publishAt: null });
        break;
      case 'setPublishAt':
        changes.publishAt = ctx.publishAt ?? null;
        break;
      case 'clearPublishAt':
        changes.publishAt = null;
        break;
      case 'markPublished':
        changes.publishedAt = ctx.now;
        break;
    }
  }
  return changes;
}

/** The checks behind the workflow table's guards: each throws when the article does not meet it. */
const GUARDS: Record<Guard, (article: Article) => void> = {
  // Nothing reaches readers before the server has checked what it really is.
  mediaVerified: (article) => {
    const blocking = Object.values(article.media ?? {}).filter(blocksApproval);
    if (blocking.length === 0) return;
    throw conflict('Attached media is not verified yet, or was rejected: wait for it or remove it.', {
      currentStatus: article.status,
      media: blocking.map((m) => ({ id: m.id, filename: m.filename, status: m.status, reason: m.reason })),
    });
  },
};

/** Refuses (409) when the article does not meet the rule's guard. */
export function checkGuard(rule: WorkflowRule, article: Article): void {
  if (rule.guard) GUARDS[rule.guard](article);
}
