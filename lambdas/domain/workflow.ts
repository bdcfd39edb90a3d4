import type { Actor, Article, Group, Status } from './article.js';
import { conflict } from './errors.js';
import { blocksApproval, type Media } from './media.js';

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
  | 'markSubmitted'
  | 'clearSubmission'
  | 'markChangesRequested'
  | 'clearChangesRequested'
  | 'markApproved'
  | 'clearApproval'
  | 'setPublishAt'
  | 'clearPublishAt'
  | 'markPublished'
  /** At first publication the article gets its slug, which it then keeps. */
  | 'assignSlug';

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
  {
    action: 'submit',
    from: 'draft',
    to: 'in_review',
    by: ['author'],
    events: ['ArticleSubmitted'],
    effects: ['markSubmitted', 'clearChangesRequested'],
  },
  { action: 'withdraw', from: 'in_review', to: 'draft', by: ['author'], events: ['ArticleWithdrawn'], effects: ['clearSubmission'] },
  {
    action: 'request-changes',
    from: 'in_review',
    to: 'draft',
    by: DESK,
    events: ['ChangesRequested'],
    effects: ['clearSubmission', 'markChangesRequested'],
  },
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
      effects: ['markApproved', 'markPublished', 'assignSlug'],
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
    effects: ['markPublished', 'assignSlug'],
  },
  // An article published before slugs existed gets its slug (and so its page) with its next correction.
  {
    action: 'correct',
    from: 'published',
    to: 'published',
    by: DESK,
    ifMatch: 'exact',
    events: ['ArticleCorrected'],
    effects: ['assignSlug'],
  },
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

/**
 * What the caller may do with the article now, for `allowedActions`: allowed by the table, and
 * meeting its guard (no `approve` while files are unverified). List summaries carry no files:
 * there, the guard is checked when the action is taken.
 */
export function allowedActions(actor: Actor, article: Pick<Article, 'authorId' | 'status' | 'media'>): Action[] {
  return ACTIONS.filter((a) => {
    const d = decide(actor, article, a);
    return d.outcome === 'allowed' && !(d.rule.guard && GUARDS[d.rule.guard](article).length);
  });
}

/** How a refusal names who would be allowed: all of them, or one to ask. */
const WHO: Record<Party, [all: string, one: string]> = {
  author: ['the author', 'the author'],
  reporters: ['reporters', 'a reporter'],
  editors: ['editors', 'an editor'],
  'chief-editors': ['chief editors', 'a chief editor'],
  scheduler: ['', ''],
};
const words = (a: Action) => a.replace('-', ' ');
const phrase = (a: Action) => (a === 'request-changes' ? 'request changes' : `${a} it`);
const listed = (xs: string[]) => xs.join(', ').replace(/, ([^,]*)$/, ' and $1');
const sentence = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The 403 for an action: who may take it, from the table ("Only chief editors may approve."). */
export function whoMay(action: Action, doing = words(action)): string {
  const parties = new Set(WORKFLOW.filter((r) => r.action === action).flatMap((r) => r.by));
  return `Only ${listed([...parties].map((p) => WHO[p][0]).filter(Boolean))} may ${doing}.`;
}

/**
 * The 409 for an action the caller may take, but not in the article's status: which move of the
 * table would bring it to a status where they may, and who makes it ("Withdraw it first, or ask an
 * editor to request changes.").
 */
export function notNow(actor: Actor, article: Pick<Article, 'authorId' | 'status'>, action: Action): string {
  const parties = partiesOf(actor, article);
  const mine = (r: WorkflowRule) => r.by.some((p) => parties.has(p));
  const targets = WORKFLOW.filter((r) => r.action === action && mine(r)).map((r) => r.from);
  const ways = WORKFLOW.filter((r) => r.from === article.status && r.to !== r.from && targets.includes(r.to)).map((r) =>
    mine(r) ? `${phrase(r.action)} first` : `ask ${WHO[r.by.find((p) => WHO[p][1])!][1]} to ${phrase(r.action)}`,
  );
  const hint = ways.length ? ` ${sentence([...new Set(ways)].join(', or '))}.` : '';
  return `You cannot ${phrase(action)} while it is ${article.status}.${hint}`;
}

/** The field changes a rule makes to an article. */
export function transitionEffects(
  rule: WorkflowRule,
  ctx: { actor: Actor; now: string; publishAt?: string; comment?: string; slug?: string },
): Partial<Article> {
  const changes: Partial<Article> = { status: rule.to };
  for (const effect of rule.effects) {
    switch (effect) {
      case 'markSubmitted':
        changes.submittedAt = ctx.now;
        break;
      case 'clearSubmission':
        changes.submittedAt = null;
        break;
      case 'markChangesRequested':
        changes.changesRequested = { comment: ctx.comment ?? '', by: { id: ctx.actor.id, name: ctx.actor.name }, at: ctx.now };
        break;
      case 'clearChangesRequested':
        changes.changesRequested = null;
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
      case 'assignSlug':
        if (ctx.slug) changes.slug = ctx.slug;
        break;
    }
  }
  return changes;
}

/** The checks behind the workflow table's guards: what holds the article back (nothing when it meets it). */
const GUARDS: Record<Guard, (article: Pick<Article, 'media'>) => Media[]> = {
  // Nothing reaches readers before the server has checked what it really is.
  mediaVerified: (article) => Object.values(article.media ?? {}).filter(blocksApproval),
};

/** Refuses (409) when the article does not meet the rule's guard, saying what would let it. */
export function checkGuard(rule: WorkflowRule, article: Article): void {
  const blocking = rule.guard ? GUARDS[rule.guard](article) : [];
  if (blocking.length === 0) return;
  throw conflict(
    blocking.some((m) => m.status === 'rejected')
      ? 'Attached files were rejected: remove them.'
      : 'Attached files are still being checked: wait for them or remove them.',
    {
      currentStatus: article.status,
      media: blocking.map((m) => ({ id: m.id, filename: m.filename, status: m.status, reason: m.reason })),
    },
  );
}
