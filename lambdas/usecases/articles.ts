import { slugCandidate, slugify } from '../domain/slug.js';
import {
  changedFields,
  LIMITS,
  newDraft,
  type Actor,
  type Article,
  type ArticleContent,
  type Correction,
  type RevisionKind,
} from '../domain/article.js';
import { badInput, conflict, forbidden, keyReused, notFound, preconditionFailed, preconditionRequired } from '../domain/errors.js';
import { createdEvent, eventsFor } from '../domain/events.js';
import { parseInstant, RFC3339_HINT } from '../domain/instant.js';
import {
  canRead,
  checkGuard,
  decide,
  notNow,
  transitionEffects,
  whoMay,
  type Action,
  type Timing,
  type WorkflowRule,
} from '../domain/workflow.js';
import {
  WriteConflict,
  type AppliedKey,
  type ArticleHistory,
  type ArticleReader,
  type ArticleRepository,
  type ContentRepository,
  type HistoryPage,
  type WorkflowRepository,
} from './ports.js';
import {
  Approve,
  Correct,
  CreateArticle,
  EditArticle,
  HistoryQuery,
  MaybeReason,
  NoInput,
  parseInput,
  RequestChanges,
  Schedule,
  WithReason,
} from './schemas.js';

export { listArticles } from './list-articles.js';

/** What reading articles needs; moving them needs WorkflowDeps, creating and editing ContentDeps. */
export interface ReadDeps {
  articles: ArticleReader;
  now: () => Date;
  newId: () => string;
}

export interface WorkflowDeps extends ReadDeps {
  articles: WorkflowRepository;
}

export interface ContentDeps extends ReadDeps {
  articles: ContentRepository;
}

export interface Deps extends WorkflowDeps, ContentDeps {
  articles: ArticleRepository;
}

/**
 * The request body, read only when needed: a malformed body on someone else's draft is
 * still a 404, so parsing waits until the caller is known to be allowed to act.
 */
export type Input = () => unknown;

const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600 * 1000;
const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Refuses (403) an action no rule lets the caller ever take, before the body is read:
 * the wrong group learns that first, whatever it sent.
 */
export function refuseIfNeverAllowed(actor: Actor, article: Article, action: Action, doing?: string): void {
  if (decide(actor, article, action).outcome === 'forbidden') throw forbidden(whoMay(action, doing));
}

/** Loads an article the caller may see; anything else does not exist for them. */
export async function readArticle(deps: ReadDeps, actor: Actor, id: string): Promise<Article> {
  const article = ID.test(id) ? await deps.articles.get(id) : undefined;
  if (!article || !canRead(actor, article)) throw notFound();
  return article;
}

export async function createArticle(deps: ContentDeps, actor: Actor, input: Input, id?: string): Promise<Article> {
  if (actor.groups.length === 0) throw forbidden('Only newsroom staff may write articles.');
  const content = parseInput(CreateArticle, input());
  const article = newDraft({
    id: id ?? deps.newId(),
    author: actor,
    now: deps.now().toISOString(),
    content: { standfirst: '', ...content, tags: unique(content.tags ?? []) },
  });
  try {
    await deps.articles.create(article, createdEvent(article, actor));
  } catch (err) {
    // Only a caller-chosen id can exist already: the same request, retried after a crash.
    if (!(err instanceof WriteConflict) || !id) throw err;
    const existing = await deps.articles.get(id);
    if (!existing || existing.authorId !== actor.id) throw err;
    if (!sameContent(existing, article)) {
      throw keyReused();
    }
    return existing;
  }
  return article;
}

const sameContent = (a: ArticleContent, b: ArticleContent) =>
  a.headline === b.headline && a.standfirst === b.standfirst && a.body === b.body && JSON.stringify(a.tags) === JSON.stringify(b.tags);

/** Edits content: one conditional write on the status and version the caller last read. */
export async function editArticle(
  deps: ContentDeps,
  actor: Actor,
  id: string,
  input: Input,
  ifMatch: string | undefined,
): Promise<Article> {
  const article = await readArticle(deps, actor, id);
  refuseIfNeverAllowed(actor, article, 'edit');
  const changes = parseInput(EditArticle, input());
  if (changes.tags) changes.tags = unique(changes.tags);
  return withRetry(deps, actor, article, 'edit', { ifMatch, ifMatchRequired: true }, (seen, rule) =>
    writeContent(deps, actor, seen, rule, changes, 'edited'),
  );
}

/**
 * The one write of a content change (edit, correct, restore): the new text as the next revision,
 * with the rule's events and, for a correction, its public note, conditional on `seen`.
 */
export function writeContent(
  deps: ContentDeps,
  actor: Actor,
  seen: Article,
  rule: WorkflowRule,
  content: Partial<ArticleContent>,
  kind: RevisionKind,
  extra: { correction?: Pick<Correction, 'kind' | 'note'>; appliedKey?: AppliedKey; slug?: string } = {},
): Promise<Article> {
  const at = deps.now().toISOString();
  const by = { id: actor.id, name: actor.name };
  const revision = { revision: seen.revision + 1, version: seen.version + 1, kind, actor: by, at, fields: changedFields(seen, content) };
  const correction = extra.correction && { revision: revision.revision, ...extra.correction, at, by };
  const slug = extra.slug ? { slug: extra.slug } : {};
  const after: Article = { ...seen, ...content, ...slug, version: revision.version, updatedAt: at, revision: revision.revision };
  const events = eventsFor(rule, after, { actor, now: at, revision, correction: extra.correction });
  return deps.articles.saveContent(seen, content, at, { revision, events, correction, appliedKey: extra.appliedKey, ...slug });
}

export interface TransitionInput {
  comment?: string;
  reason?: string;
  publishAt?: string;
  timing?: Timing;
}

type ReadInput = (raw: unknown, now: Date) => TransitionInput;

/**
 * What each action reads from its body. Two tables, one per function that serves the actions,
 * so the review desk's bundle carries no date parsing and the chief's no comment rules.
 */
export const REVIEW_INPUTS = {
  submit: (raw) => parseInput(NoInput, raw),
  withdraw: (raw) => parseInput(NoInput, raw),
  'request-changes': (raw) => parseInput(RequestChanges, raw),
  spike: (raw) => parseInput(MaybeReason, raw),
  unspike: (raw) => parseInput(NoInput, raw),
} satisfies Record<string, ReadInput>;

/** After publication: taking an article down, for now or for good, says why. */
export const AFTERCARE_INPUTS = {
  unpublish: (raw) => parseInput(WithReason, raw),
  kill: (raw) => parseInput(WithReason, raw),
} satisfies Record<string, ReadInput>;

export const APPROVAL_INPUTS = {
  unschedule: (raw) => parseInput(NoInput, raw),
  publish: (raw) => parseInput(NoInput, raw),
  approve: (raw, now) => {
    const { publishAt } = parseInput(Approve, raw);
    const at = publishAt ? checkPublishAt(publishAt, now, false) : undefined;
    return at ? { publishAt: at, timing: 'later' } : { timing: 'now' };
  },
  schedule: (raw, now) => ({ publishAt: checkPublishAt(parseInput(Schedule, raw).publishAt, now, true) }),
} satisfies Record<string, ReadInput>;

/**
 * Moves an article through the workflow.
 * 1. Load it (404 when the caller may not see it).
 * 2. Ask the workflow table whether the caller may act at all (403), read the input (400),
 *    and whether the article's status allows it now (409); check If-Match when sent (412).
 * 3. Write the new status with its events in one conditional update.
 */
export async function transitionArticle(
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  action: Exclude<Action, 'edit' | 'correct'>,
  input: Input,
  ifMatch: string | undefined,
): Promise<Article> {
  const readInput: ReadInput = { ...REVIEW_INPUTS, ...APPROVAL_INPUTS, ...AFTERCARE_INPUTS }[action];
  return applyTransition(deps, actor, id, action, (now) => readInput(input() ?? {}, now), ifMatch);
}

/** The same, with the action's input read by `readInput` (from one of the tables above). */
export async function applyTransition(
  deps: WorkflowDeps,
  actor: Actor,
  id: string,
  action: Exclude<Action, 'edit' | 'correct'>,
  readInput: (now: Date) => TransitionInput,
  ifMatch: string | undefined,
  appliedKey?: AppliedKey,
): Promise<Article> {
  const article = await readArticle(deps, actor, id);
  refuseIfNeverAllowed(actor, article, action);
  const details = readInput(deps.now());
  return withRetry(deps, actor, article, action, { timing: details.timing, ifMatch }, (seen, rule) =>
    writeTransition(deps, actor, seen, rule, details, appliedKey),
  );
}

/**
 * Corrects a published article: the changed text as a new revision and a public note (a
 * correction, or an update) that readers see, bound with If-Match to the version read.
 */
export async function correctArticle(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Input,
  ifMatch: string | undefined,
  appliedKey?: AppliedKey,
): Promise<Article> {
  const article = await readArticle(deps, actor, id);
  refuseIfNeverAllowed(actor, article, 'correct', 'correct published articles');
  const { note, kind = 'correction', ...content } = parseInput(Correct, input() ?? {});
  if (content.tags) content.tags = unique(content.tags);
  const check = (seen: Article) => {
    if (changedFields(seen, content).length === 0) {
      throw badInput('', 'Nothing to correct: give at least one of headline, standfirst, body or tags with a changed value.');
    }
  };
  return withRetry(deps, actor, article, 'correct', { ifMatch, check }, async (seen, rule) =>
    writeContent(deps, actor, seen, rule, content, 'corrected', {
      correction: { kind, note },
      appliedKey,
      slug: await slugFor(deps, seen, rule, content.headline),
    }),
  );
}

/**
 * The slug a write under `rule` gives the article, from its headline (a correction's new one, if it
 * changes it). Claimed before the write, when the rule assigns one and the article has none yet: a
 * claim whose write then fails stays this article's (the headline's own slug is found again; a
 * numbered one is not, and its retry takes the next number). Undefined otherwise: a slug never
 * changes once given.
 */
async function slugFor(deps: WorkflowDeps, seen: Article, rule: WorkflowRule, headline = seen.headline): Promise<string | undefined> {
  if (!rule.effects.includes('assignSlug') || seen.slug) return undefined;
  return deps.articles.claimSlug(seen.id, (n) => slugCandidate(slugify(headline), n));
}

/** The one write of a transition: new fields and the events they emit, conditional on `seen`. */
export async function writeTransition(
  deps: WorkflowDeps,
  actor: Actor,
  seen: Article,
  rule: WorkflowRule,
  details: TransitionInput = {},
  appliedKey?: AppliedKey,
): Promise<Article> {
  const at = deps.now().toISOString();
  const slug = await slugFor(deps, seen, rule);
  const changes = transitionEffects(rule, { actor, now: at, publishAt: details.publishAt, comment: details.comment, slug });
  const after: Article = { ...seen, ...changes, version: seen.version + 1, updatedAt: at };
  const events = eventsFor(rule, after, { actor, now: at, comment: details.comment, reason: details.reason });
  // The guard is also part of the write's condition, so a file attached meanwhile still holds it back.
  return deps.articles.transition(seen, changes, events, at, { mediaVerified: rule.guard === 'mediaVerified', appliedKey });
}

/**
 * Runs a conditional write. When another write got there first, the article is read again
 * and the caller gets 409 (no longer allowed), 412 (their If-Match is stale) or, when
 * neither applies, the write is tried again on the fresh copy.
 */
interface WriteOptions {
  timing?: Timing;
  ifMatch?: string;
  ifMatchRequired?: boolean;
  /** A further check of this use case, made on every fresh copy (throws to refuse). */
  check?: (seen: Article) => void;
}

export async function withRetry<T>(
  deps: ReadDeps,
  actor: Actor,
  first: Article,
  action: Action,
  { timing, ifMatch, ifMatchRequired = false, check }: WriteOptions,
  write: (seen: Article, rule: WorkflowRule) => Promise<T>,
): Promise<T> {
  for (const tag of ifMatch?.split(',') ?? []) {
    const t = tag.trim();
    // An unquoted version would never match, and a 412 quoting it back would not say why.
    if (t !== '*' && !/^(W\/)?"[^"]*"$/.test(t))
      throw badInput('/headers/If-Match', `ETags are quoted: If-Match: "${t.replace(/"/g, '')}"`);
  }
  let seen = first;
  for (let attempt = 0; ; attempt++) {
    const decision = decide(actor, seen, action, timing);
    if (decision.outcome === 'forbidden') throw forbidden(whoMay(action));
    if (decision.outcome === 'not-now') throw conflict(notNow(actor, seen, action), { currentStatus: seen.status });
    checkGuard(decision.rule, seen);
    check?.(seen);
    const exact = decision.rule.ifMatch === 'exact';
    if (ifMatch === undefined && (ifMatchRequired || exact)) throw preconditionRequired();
    if (exact && !namesAVersion(ifMatch!)) {
      throw preconditionRequired(`Send If-Match with the ETag of the version you read; * does not say which one you mean to ${action}.`);
    }
    if (ifMatch !== undefined && !etagMatches(ifMatch, seen.version, !exact)) throw preconditionFailed(seen.version);
    try {
      return await write(seen, decision.rule);
    } catch (err) {
      if (!(err instanceof WriteConflict) || attempt >= 5) throw err;
      seen = await readArticle(deps, actor, seen.id);
    }
  }
}

/** A page of the article's history, oldest first; the query is read only once the caller may see it. */
export async function articleHistory(
  deps: WorkflowDeps & { history: ArticleHistory },
  actor: Actor,
  id: string,
  query: Record<string, string | undefined> = {},
): Promise<HistoryPage> {
  await readArticle(deps, actor, id);
  const q = parseInput(HistoryQuery, query, '/query');
  return deps.history.history(id, { limit: q.limit ? Number(q.limit) : LIMITS.historyPage.default, cursor: q.cursor });
}

/** If-Match holds one or more entity tags; `*` matches any existing article. */
export function etagMatches(ifMatch: string, version: number, wildcard = true): boolean {
  return ifMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => (wildcard && t === '*') || t === `"${version}"`);
}

/** True when If-Match lists at least one version, not only `*`. */
function namesAVersion(ifMatch: string): boolean {
  return ifMatch.split(',').some((t) => /^(W\/)?"\d+"$/.test(t.trim()));
}

function checkPublishAt(value: string, now: Date, mustBeFuture: boolean): string | undefined {
  const at = parseInstant(value);
  if (!at) throw badInput('/publishAt', `\`publishAt\` must be ${RFC3339_HINT}.`);
  if (at.getTime() - now.getTime() > MAX_SCHEDULE_AHEAD_MS) {
    throw badInput('/publishAt', '`publishAt` may be at most a year ahead.');
  }
  if (at.getTime() <= now.getTime()) {
    if (mustBeFuture) throw badInput('/publishAt', '`publishAt` must be in the future; use publish to publish now.');
    return undefined;
  }
  return at.toISOString();
}

function unique(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()))];
}
