import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { allPages, clientFor, ok, type Article, type Client, type Schemas } from './client.js';
import { claimsOf, checkUrl, configPath, expiredSentence, readConfig, session, writeConfig, type Session } from './config.js';
import { CliError, EXIT, unreachable, usageError, type Problem } from './errors.js';
import { LIMITS } from '../lambdas/domain/article.js';
import type { ImportedArticle } from './importer.js';
import { bytes, note, out, printJson, say, status, table, truncate, when } from './output.js';
import { progressBar } from './progress.js';
import { uploadToForm } from './upload.js';

/**
 * What each command does. Handlers stay small: read the input, call the API through the typed
 * client, print a sentence or a table (or exactly the API's JSON under --json).
 */
export interface Common {
  json?: boolean;
  idempotencyKey?: string;
}

type Headers = { 'Idempotency-Key'?: string; 'If-Match'?: string };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

function keyOf(opts: Common): string | undefined {
  const key = opts.idempotencyKey;
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw usageError(`--idempotency-key must be 1 to 128 of A-Z a-z 0-9 _ . : - (got "${key}").`);
  return key;
}

function connect(): { s: Session; api: Client } {
  const s = session();
  return { s, api: clientFor(s) };
}

/** Reads and imports a file for `file`, `edit` and `correct`: usage errors (exit 2) before any request. */
async function readArticleFile(path: string): Promise<ImportedArticle> {
  // The importer (and its YAML parser) loads only for the commands that read a file.
  const { importArticle, ImportError } = await import('./importer.js');
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : `cannot be read (${code})`}.`,
    );
  }
  try {
    const { article, leftOut } = importArticle(raw, path);
    if (leftOut.length) note(`Left out of ${basename(path)}:\n${leftOut.map((l) => `  ${l}`).join('\n')}`);
    return article;
  } catch (err) {
    if (err instanceof ImportError) throw usageError(err.message);
    throw err;
  }
}

/** The API's limits on tags, checked before any request. */
function checkTags(tags: string[]): string[] {
  if (tags.length > LIMITS.tags.max) throw usageError(`An article takes at most ${LIMITS.tags.max} tags (got ${tags.length}).`);
  const long = tags.find((t) => [...t].length > LIMITS.tags.maxLength || !t.trim());
  if (long !== undefined) throw usageError(`A tag is 1 to ${LIMITS.tags.maxLength} characters, not blank (got "${long}").`);
  return tags;
}

const etagOf = (response: Response) => response.headers.get('etag') ?? undefined;

/** A fresh read, for the If-Match of what follows. */
async function fresh(api: Client, id: string) {
  return ok(api.GET('/articles/{id}', { params: { path: { id } } }));
}

function explainStale(id: string) {
  return (status: number, problem: Problem) =>
    status === 412
      ? `Someone changed the article after it was read here${problem.currentVersion !== undefined ? ` (it is now at version ${problem.currentVersion})` : ''}. Read it again (newsroom show ${id}) and run the command again if it still applies.`
      : undefined;
}

function moved(verb: string, a: Article, json?: boolean) {
  if (json) return printJson(a);
  const at =
    a.status === 'scheduled' && a.publishAt
      ? `, to publish at ${when(a.publishAt)}`
      : a.status === 'published' && a.url
        ? ` at ${a.url}`
        : '';
  say(`${verb} ${a.id}: now ${status(a.status)}${at} (version ${a.version}).`);
}

// ---------------------------------------------------------------------------------------------
// Signing in

export async function login(opts: {
  url?: string;
  token?: string;
  local?: boolean;
  user?: string;
  group?: string[];
  name?: string;
  ttl?: string;
  json?: boolean;
}) {
  let url: string;
  let token: string;
  if (opts.local) {
    if (opts.token) throw usageError('Give either --local (to mint a token for the local newsroom) or --token, not both.');
    if (!opts.user || !opts.group?.length)
      throw usageError('newsroom login --local needs --user and --group (reporters, editors or chief-editors).');
    const [{ GROUPS }, { chooseTarget }, { signToken, MAX_TTL_SECONDS }] = await Promise.all([
      import('../lambdas/domain/article.js'),
      import('../local/running.js'),
      import('../local/tokens.js'),
    ]);
    const unknown = opts.group.filter((g) => !(GROUPS as readonly string[]).includes(g));
    if (unknown.length) throw usageError(`Unknown group ${unknown.join(', ')}: use ${GROUPS.join(', ')}.`);
    const ttlSeconds = opts.ttl === undefined ? undefined : /^\d{1,7}$/.test(opts.ttl) ? Number(opts.ttl) : NaN;
    if (ttlSeconds !== undefined && !(ttlSeconds >= 1 && ttlSeconds <= MAX_TTL_SECONDS))
      throw usageError(`--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS} (7 days), not "${opts.ttl}".`);
    let target;
    try {
      target = chooseTarget();
    } catch (err) {
      throw usageError((err as Error).message);
    }
    if (!target.running && !opts.url) {
      throw unreachable(`No local newsroom is running for ${target.dataDir}: start it with npm start, then log in again.`);
    }
    // The signing key lives in the data directory, for this user alone.
    const mask = process.umask(0o077);
    try {
      token = await signToken(target.dataDir, {
        user: opts.user,
        groups: opts.group as (typeof GROUPS)[number][],
        name: opts.name,
        ttlSeconds,
      });
    } finally {
      process.umask(mask);
    }
    url = opts.url ? checkUrl(opts.url, '--url') : target.running!.url;
  } else {
    if (!opts.url || !opts.token)
      throw usageError('newsroom login needs --url and --token (or --local --user ID --group GROUP for the local newsroom).');
    url = checkUrl(opts.url, '--url');
    token = opts.token.trim();
    if (!claimsOf(token)) throw usageError('--token is not a JWT (three base64url parts separated by dots).');
  }
  const file = writeConfig({ ...readConfig(), url, token });
  const claims = claimsOf(token)!;
  const info = identity(url, claims);
  if (opts.json) return printJson(info);
  say(`Logged in to ${url} as ${who(claims)}${claims.groups.length ? `, in ${claims.groups.join(', ')}` : ''}.`);
  note(`Saved in ${file} (readable by you alone).`);
}

function identity(url: string, c: ReturnType<typeof claimsOf> & object) {
  return {
    url,
    user: c.sub ?? null,
    name: c.name ?? null,
    groups: c.groups,
    expiresAt: c.exp !== undefined ? new Date(c.exp * 1000).toISOString() : null,
    expired: c.exp !== undefined && c.exp * 1000 <= Date.now(),
  };
}

const who = (c: { sub?: string; name?: string }) => (c.name && c.name !== c.sub ? `${c.name} (${c.sub})` : (c.sub ?? 'an unnamed user'));

export async function whoami(opts: Common) {
  const s = session({ allowExpired: true });
  if (!s.claims) throw unreachable('The token is not a JWT: log in again with newsroom login.');
  const info = identity(s.url, s.claims);
  if (opts.json) printJson(info);
  else {
    say(`${who(s.claims)} at ${s.url}`);
    say(`groups: ${s.claims.groups.join(', ') || '(none)'}`);
    if (info.expiresAt) say(info.expired ? out.red(expiredSentence(s.claims.exp!)) : `The token is valid until ${info.expiresAt}.`);
    const from = process.env.NEWSROOM_TOKEN?.trim() ? 'NEWSROOM_TOKEN' : configPath();
    note(`(token from ${from})`);
  }
  if (info.expired) {
    if (opts.json) note(expiredSentence(s.claims.exp!));
    note('Log in again: newsroom login (--local for the local newsroom).');
    process.exitCode = EXIT.unreachable;
  }
}

// ---------------------------------------------------------------------------------------------
// Articles

export async function file(path: string, opts: Common & { tag?: string[]; submit?: boolean }) {
  const imported = await readArticleFile(path);
  const tags = checkTags([...new Set([...(imported.tags ?? []), ...(opts.tag ?? [])])]);
  const body = { headline: imported.headline, standfirst: imported.standfirst, body: imported.body, ...(tags.length ? { tags } : {}) };
  const given = keyOf(opts);
  const { s, api } = connect();
  // By default the key is the request itself: the same file filed again (a retry) gets the article it filed.
  const digest = createHash('sha256')
    .update(`${s.url}\n${JSON.stringify(body)}`)
    .digest('base64url')
    .slice(0, 40);
  const key = given ?? `file-${digest}`;
  const created = await ok(api.POST('/articles', { body, params: { header: { 'Idempotency-Key': key } } }));
  let article = created.data;
  if (opts.submit && article.status === 'draft') {
    const id = article.id;
    const submitted = await ok(
      api.POST('/articles/{id}/submit', {
        params: { path: { id }, header: { 'Idempotency-Key': given ? `${given.slice(0, 121)}.submit` : `submit-${digest}` } },
      }),
    ).catch((err: unknown) => {
      // The draft is filed either way: say its id, so that submitting it again needs no second filing.
      if (err instanceof CliError)
        throw new CliError(`Filed ${id} as a draft, but submitting it failed.\n${err.message}`, err.exitCode, err.body);
      throw err;
    });
    article = submitted.data;
  }
  if (opts.json) return printJson(article);
  const replayed = created.response.headers.get('idempotent-replayed') === 'true';
  const verb = replayed ? 'Already filed' : opts.submit ? 'Filed and submitted' : 'Filed';
  say(`${verb} ${article.id}: ${status(article.status)} (version ${article.version}).`);
  say(`${out.bold(article.headline)}${article.tags.length ? `  [${article.tags.join(', ')}]` : ''}`);
}

export async function list(opts: Common & { status?: string; mine?: boolean; limit?: string; tag?: string; sort?: string }) {
  const limit = opts.limit === undefined ? 20 : /^\d{1,4}$/.test(opts.limit) ? Number(opts.limit) : NaN;
  if (!(limit >= 1 && limit <= 1000)) throw usageError(`--limit must be a whole number from 1 to 1000, not "${opts.limit}".`);
  const { s, api } = connect();
  const author = opts.mine ? s.claims?.sub : undefined;
  if (opts.mine && !author) throw unreachable('The token names no user (no sub claim): log in again.');
  const query = {
    status: opts.status as Article['status'] | undefined,
    author,
    tag: opts.tag,
    sort: opts.sort as 'createdAt' | 'updatedAt' | 'publishAt' | undefined,
  };
  const page = await allPages(
    (cursor, want) => api.GET('/articles', { params: { query: { ...query, limit: String(want), cursor } } }),
    limit,
  );
  if (opts.json) return printJson(page);
  if (page.items.length === 0) return say('No articles.');
  say(
    table(
      ['ID', 'STATUS', 'UPDATED', 'AUTHOR', 'HEADLINE'],
      page.items.map((a) => [a.id, status(a.status), when(a.updatedAt), a.authorName, truncate(a.headline, 60)]),
    ),
  );
  if (page.nextCursor) note(`Showing the first ${page.items.length}; --limit N shows more.`);
}

export async function show(id: string, opts: Common) {
  const { api } = connect();
  const { data: a } = await ok(api.GET('/articles/{id}', { params: { path: { id } } }));
  if (opts.json) return printJson(a);
  say(out.bold(a.headline));
  if (a.standfirst) say(a.standfirst);
  say();
  const rows: [string, string | null | undefined][] = [
    ['id', a.id],
    ['status', `${status(a.status)} (version ${a.version}${a.revision !== undefined ? `, revision ${a.revision}` : ''})`],
    ['author', who({ sub: a.authorId, name: a.authorName })],
    ['tags', a.tags.join(', ') || '(none)'],
    ['created', when(a.createdAt)],
    ['updated', when(a.updatedAt)],
    ['submitted', when(a.submittedAt)],
    ['approved', a.approvedAt ? `${when(a.approvedAt)} by ${a.approvedBy}` : ''],
    ['publishes', a.status === 'scheduled' ? when(a.publishAt) : ''],
    ['published', when(a.publishedAt)],
    ['page', a.url],
    ['you may', a.allowedActions.join(', ') || '(nothing)'],
  ];
  for (const [k, v] of rows) if (v) say(`${out.dim(k.padEnd(10))} ${v}`);
  if (a.changesRequested)
    say(
      `${out.yellow('changes requested')} by ${a.changesRequested.by.name} at ${when(a.changesRequested.at)}: ${a.changesRequested.comment}`,
    );
  for (const c of a.corrections ?? []) say(`${c.kind} (revision ${c.revision}, ${when(c.at)}): ${c.note}`);
  say();
  say(a.body ?? '');
}

export async function edit(id: string, opts: Common & { file: string; tag?: string[] }) {
  const imported = await readArticleFile(opts.file);
  const tags = imported.tags || opts.tag?.length ? checkTags([...new Set([...(imported.tags ?? []), ...(opts.tag ?? [])])]) : undefined;
  const { api } = connect();
  const seen = await fresh(api, id);
  const { data } = await ok(
    api.PATCH('/articles/{id}', {
      params: { path: { id }, header: { 'If-Match': etagOf(seen.response)! } },
      body: { headline: imported.headline, standfirst: imported.standfirst, body: imported.body, ...(tags ? { tags } : {}) },
    }),
    explainStale(id),
  );
  moved('Edited', data, opts.json);
}

/** A transition that needs no fresh read. */
async function plain(
  id: string,
  opts: Common,
  verb: string,
  send: (api: Client, header: Headers) => Promise<{ data?: Article; error?: unknown; response: Response }>,
) {
  const key = keyOf(opts);
  const { api } = connect();
  const { data } = await ok(send(api, key ? { 'Idempotency-Key': key } : {}), explainStale(id));
  moved(verb, data, opts.json);
}

/** A transition bound with If-Match to the version just read (approve, publish, correct). */
async function bound(
  id: string,
  opts: Common,
  verb: string,
  send: (
    api: Client,
    header: Headers & { 'If-Match': string },
    seen: Article,
  ) => Promise<{ data?: Article; error?: unknown; response: Response }>,
) {
  const key = keyOf(opts);
  const { api } = connect();
  const seen = await fresh(api, id);
  const header = { 'If-Match': etagOf(seen.response)!, ...(key ? { 'Idempotency-Key': key } : {}) };
  const { data } = await ok(send(api, header, seen.data), explainStale(id));
  moved(verb, data, opts.json);
}

export const submit = (id: string, o: Common) =>
  plain(id, o, 'Submitted', (api, header) => api.POST('/articles/{id}/submit', { params: { path: { id }, header } }));
export const withdraw = (id: string, o: Common) =>
  plain(id, o, 'Withdrew', (api, header) => api.POST('/articles/{id}/withdraw', { params: { path: { id }, header } }));
export const requestChanges = (id: string, o: Common & { comment: string }) =>
  plain(id, o, 'Sent back', (api, header) =>
    api.POST('/articles/{id}/request-changes', { params: { path: { id }, header }, body: { comment: o.comment } }),
  );
export function approve(id: string, o: Common & { at?: string }) {
  const publishAt = o.at === undefined ? undefined : instant(o.at);
  return bound(id, o, 'Approved', (api, header) =>
    api.POST('/articles/{id}/approve', { params: { path: { id }, header }, body: publishAt ? { publishAt } : {} }),
  );
}
export function schedule(id: string, o: Common & { at: string }) {
  const publishAt = instant(o.at);
  return plain(id, o, 'Rescheduled', (api, header) =>
    api.POST('/articles/{id}/schedule', { params: { path: { id }, header }, body: { publishAt } }),
  );
}
export const unschedule = (id: string, o: Common) =>
  plain(id, o, 'Unscheduled', (api, header) => api.POST('/articles/{id}/unschedule', { params: { path: { id }, header } }));
export const publish = (id: string, o: Common) =>
  bound(id, o, 'Published', (api, header) => api.POST('/articles/{id}/publish', { params: { path: { id }, header } }));
export const unpublish = (id: string, o: Common & { reason: string }) =>
  plain(id, o, 'Unpublished', (api, header) =>
    api.POST('/articles/{id}/unpublish', { params: { path: { id }, header }, body: { reason: o.reason } }),
  );
export const spike = (id: string, o: Common & { reason?: string }) =>
  plain(id, o, 'Spiked', (api, header) =>
    api.POST('/articles/{id}/spike', { params: { path: { id }, header }, body: o.reason ? { reason: o.reason } : {} }),
  );
export const unspike = (id: string, o: Common) =>
  plain(id, o, 'Unspiked', (api, header) => api.POST('/articles/{id}/unspike', { params: { path: { id }, header } }));
export const kill = (id: string, o: Common & { reason: string }) =>
  plain(id, o, 'Killed', (api, header) =>
    api.POST('/articles/{id}/kill', { params: { path: { id }, header }, body: { reason: o.reason } }),
  );

export async function correct(id: string, o: Common & { file: string; note: string; update?: boolean; tag?: string[] }) {
  const imported = await readArticleFile(o.file);
  const tags = imported.tags || o.tag?.length ? checkTags([...new Set([...(imported.tags ?? []), ...(o.tag ?? [])])]) : undefined;
  return bound(id, o, o.update ? 'Updated' : 'Corrected', (api, header) =>
    api.POST('/articles/{id}/correct', {
      params: { path: { id }, header },
      body: {
        headline: imported.headline,
        standfirst: imported.standfirst,
        body: imported.body,
        ...(tags ? { tags } : {}),
        note: o.note,
        kind: o.update ? 'update' : 'correction',
      },
    }),
  );
}

/** RFC 3339 with Z or an offset, checked before any request (the API checks the calendar). */
function instant(at: string): string {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(at) || Number.isNaN(Date.parse(at)))
    throw usageError(
      `--at must be an RFC 3339 time with Z or an offset, like 2026-11-26T06:00:00Z or 2026-11-26T07:00:00+01:00 (got "${at}").`,
    );
  return at;
}

// ---------------------------------------------------------------------------------------------
// History, revisions, comments

export async function history(id: string, opts: Common) {
  const { api } = connect();
  const page = await allPages((cursor, want) =>
    api.GET('/articles/{id}/history', { params: { path: { id }, query: { limit: String(want), cursor } } }),
  );
  if (opts.json) return printJson(page);
  if (!page.items.length) return say('No history yet.');
  say(
    table(
      ['AT', 'VERSION', 'EVENT', 'CHANGE', 'BY', 'NOTE'],
      page.items.map((h) => [
        when(h.at),
        h.version,
        h.type,
        h.from === h.to ? h.to : `${h.from} → ${h.to}`,
        h.actor.name,
        h.comment ??
          h.reason ??
          (h.correction ? `${h.correction.kind}: ${h.correction.note}` : h.fields ? `revision ${h.revision}: ${h.fields.join(', ')}` : ''),
      ]),
    ),
  );
}

export async function revisions(id: string, opts: Common) {
  const { api } = connect();
  const page = await allPages((cursor, want) =>
    api.GET('/articles/{id}/revisions', { params: { path: { id }, query: { limit: String(want), cursor } } }),
  );
  if (opts.json) return printJson(page);
  say(
    table(
      ['REVISION', 'VERSION', 'KIND', 'BY', 'AT', 'FIELDS'],
      page.items.map((r) => [r.revision, r.version, r.kind, r.actor.name, when(r.at), r.fields.join(', ')]),
    ),
  );
}

const revisionNumber = (raw: string, what: string) => {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw usageError(`${what} must be a revision number (1, 2, …), not "${raw}".`);
  return raw;
};

export async function diff(id: string, revision: string, opts: Common & { against?: string }) {
  revisionNumber(revision, 'REVISION');
  if (opts.against !== undefined) revisionNumber(opts.against, '--against');
  const { api } = connect();
  const { data } = await ok(
    api.GET('/articles/{id}/revisions/{revision}/diff', {
      params: { path: { id, revision }, query: opts.against ? { against: opts.against } : {} },
    }),
  );
  if (opts.json) return printJson(data);
  say(`Revision ${data.revision} against ${data.against}:`);
  const fields = Object.entries(data.fields) as [string, Schemas['DiffPart'][]][];
  if (!fields.length) return say('No changes.');
  for (const [field, parts] of fields) {
    say();
    say(out.bold(field));
    say(
      parts
        .map((p) => (p.op === 'insert' ? out.green(`{+${p.text}+}`) : p.op === 'delete' ? out.red(`[-${p.text}-]`) : p.text))
        .join(field === 'tags' ? ' ' : ''),
    );
  }
}

export async function comment(id: string, text: string, opts: Common & { quote?: string }) {
  const { api } = connect();
  const { data } = await ok(
    api.POST('/articles/{id}/comments', { params: { path: { id } }, body: { text, ...(opts.quote ? { quote: opts.quote } : {}) } }),
  );
  if (opts.json) return printJson(data);
  say(`Comment ${data.id} added to ${id}.`);
}

export async function comments(id: string, opts: Common) {
  const { api } = connect();
  const page = await allPages((cursor, want) =>
    api.GET('/articles/{id}/comments', { params: { path: { id }, query: { limit: String(want), cursor } } }),
  );
  if (opts.json) return printJson(page);
  if (!page.items.length) return say('No comments.');
  for (const c of page.items) {
    say(
      `${out.bold(c.author.name)} ${out.dim(when(c.createdAt))}${c.resolvedAt ? out.dim(` (resolved by ${c.resolvedBy?.name ?? '?'})`) : ''}  ${out.dim(c.id)}`,
    );
    if (c.quote) say(`  > ${c.quote}`);
    say(`  ${c.text.replace(/\n/g, '\n  ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Media

const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
};

function mediaLine(m: Schemas['Media']) {
  const dims = m.width && m.height ? `, ${m.width}×${m.height}` : '';
  if (m.status === 'ready') return `${m.filename} is ${status('ready')}: ${m.contentType}${dims}, ${bytes(m.size)} (${m.id}).`;
  if (m.status === 'rejected') return `${m.filename} was ${status('rejected')}: ${m.reason ?? 'no reason given'} (${m.id}).`;
  return `${m.filename} is ${status(m.status)}${m.reason ? `: ${m.reason}` : ''} (${m.id}).`;
}

export async function attach(id: string, path: string, opts: Common & { caption?: string; credit?: string; type?: string; wait?: string }) {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw usageError(`${path}: not a file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw usageError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'}.`);
  }
  if (size === 0) throw usageError(`${path}: the file is empty.`);
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const contentType = opts.type ?? MEDIA_TYPES[ext];
  if (!contentType)
    throw usageError(
      `${path}: cannot tell its type from the name; give --type (one of ${[...new Set(Object.values(MEDIA_TYPES))].join(', ')}).`,
    );
  const waitSeconds = opts.wait === undefined ? 60 : /^\d{1,4}$/.test(opts.wait) ? Number(opts.wait) : NaN;
  if (!(waitSeconds >= 0)) throw usageError(`--wait must be a whole number of seconds, not "${opts.wait}".`);
  const name = basename(path);
  const { api } = connect();
  const { data: declared } = await ok(
    api.POST('/articles/{id}/media', {
      params: { path: { id } },
      body: {
        filename: name,
        contentType,
        size,
        ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
        ...(opts.credit !== undefined ? { credit: opts.credit } : {}),
      },
    }),
  );
  const bar = progressBar(size, name);
  await uploadToForm(declared.upload, { path, size, name, contentType }, (sent) => bar.update(sent));
  bar.finish();
  // The server checks what the file really is, asynchronously: wait for its verdict.
  const deadline = Date.now() + waitSeconds * 1000;
  let media: Schemas['Media'] | undefined;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    const { data } = await ok(api.GET('/articles/{id}/media', { params: { path: { id } } }));
    media = data.items.find((m) => m.id === declared.id);
    if (!media || media.status !== 'pending' || Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, delay));
  }
  if (!media) throw new CliError(`${name} is no longer attached to ${id}: someone removed it.`, EXIT.refused);
  if (opts.json) printJson(media);
  else if (media.status === 'pending')
    say(`${name} is uploaded and still being checked (${media.id}): newsroom media ${id} shows its verdict.`);
  else say(mediaLine(media));
  if (media.status === 'rejected') process.exitCode = EXIT.refused;
}

export async function media(id: string, opts: Common) {
  const { api } = connect();
  const { data } = await ok(api.GET('/articles/{id}/media', { params: { path: { id } } }));
  if (opts.json) return printJson(data);
  if (!data.items.length) return say('No files attached.');
  say(
    table(
      ['ID', 'STATUS', 'TYPE', 'SIZE', 'PIXELS', 'FILE', 'CAPTION / REASON'],
      data.items.map((m) => [
        m.id,
        status(m.status),
        m.contentType,
        bytes(m.size),
        m.width && m.height ? `${m.width}×${m.height}` : '',
        m.filename,
        m.status === 'rejected' || m.status === 'expired' ? m.reason : [m.caption, m.credit && `© ${m.credit}`].filter(Boolean).join(' '),
      ]),
    ),
  );
}
