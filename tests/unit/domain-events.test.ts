import { describe, expect, it } from '@jest/globals';
import { newDraft, SCHEDULER, type Actor, type Article } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { eventsFor, mediaEvent, toHistoryEntry } from '../../lambdas/domain/events.js';
import { checkDeclaredMedia, DEFAULT_MEDIA_TYPES, mediaTypesFrom, parseMediaKey, verdict, type Media } from '../../lambdas/domain/media.js';
import { canRead, checkGuard, decide, transitionEffects, WORKFLOW, type WorkflowRule } from '../../lambdas/domain/workflow.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const carla: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };
const nobody: Actor = { id: 'guest', name: 'Guest', groups: [] };

const ruleFor = (action: string, from: string, timing?: string): WorkflowRule =>
  WORKFLOW.find((r) => r.action === action && r.from === from && (!timing || r.timing === timing))!;

const article = (changes: Partial<Article> = {}): Article => ({
  ...newDraft({
    id: 'a1',
    author: rita,
    now: '2026-11-25T09:00:00.000Z',
    content: { headline: 'Border', standfirst: '', body: 'Copy.', tags: [] },
  }),
  ...changes,
});

const file = (status: Media['status'], reason: string | null = null): Media => ({
  id: 'm1',
  filename: 'p.png',
  contentType: 'image/png',
  size: 73,
  caption: 'Dawn',
  credit: 'Rita',
  status,
  reason,
  width: status === 'ready' ? 4 : null,
  height: status === 'ready' ? 3 : null,
  createdAt: '2026-11-25T09:01:00.000Z',
  verifiedAt: '2026-11-25T09:01:01.000Z',
});

describe('events a transition emits', () => {
  it('carry the article after the transition, who did it, from and to, with an id stable across redeliveries', () => {
    const after = article({ status: 'in_review', version: 2, submittedAt: '2026-11-25T10:00:00.000Z' });
    const [event, ...rest] = eventsFor(ruleFor('submit', 'draft'), after, { actor: rita, now: '2026-11-25T10:00:00.000Z' });
    expect(rest).toEqual([]);
    expect(event).toEqual({
      id: 'a1:2:ArticleSubmitted',
      type: 'ArticleSubmitted',
      occurredAt: '2026-11-25T10:00:00.000Z',
      articleId: 'a1',
      version: 2,
      from: 'draft',
      to: 'in_review',
      actor: { id: 'rita', name: 'Rita Reporter' },
      article: { headline: 'Border', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
    });
  });

  it('approval now emits ArticleApproved then ArticlePublished, with no lateness (nothing was scheduled)', () => {
    const after = article({ status: 'published', version: 3, publishedAt: '2026-11-25T11:00:00.000Z' });
    const events = eventsFor(ruleFor('approve', 'in_review', 'now'), after, { actor: carla, now: '2026-11-25T11:00:00.000Z' });
    expect(events.map((e) => [e.id, e.type])).toEqual([
      ['a1:3:ArticleApproved', 'ArticleApproved'],
      ['a1:3:ArticlePublished', 'ArticlePublished'],
    ]);
    expect(events.every((e) => !('lateByMs' in e) && !('comment' in e))).toBe(true);
  });

  it('a scheduled publication says how late it was, never less than zero', () => {
    const publish = ruleFor('publish', 'scheduled');
    const late = article({
      status: 'published',
      version: 5,
      publishAt: '2026-11-26T06:00:00.000Z',
      publishedAt: '2026-11-26T06:00:00.750Z',
    });
    expect(eventsFor(publish, late, { actor: SCHEDULER, now: late.publishedAt! })[0]!.lateByMs).toBe(750);
    const early = { ...late, publishedAt: '2026-11-26T05:59:59.000Z' };
    expect(eventsFor(publish, early, { actor: carla, now: early.publishedAt })[0]!.lateByMs).toBe(0);
    // Only ArticlePublished carries it.
    const scheduled = article({
      status: 'scheduled',
      version: 4,
      publishAt: '2026-11-26T06:00:00.000Z',
      publishedAt: '2026-11-26T06:00:00.000Z',
    });
    expect(eventsFor(ruleFor('schedule', 'scheduled'), scheduled, { actor: carla, now: '2026-11-25T12:00:00.000Z' })[0]).not.toHaveProperty(
      'lateByMs',
    );
  });

  it('a request for changes carries its comment, into the history too', () => {
    const after = article({ status: 'draft', version: 3 });
    const [event] = eventsFor(ruleFor('request-changes', 'in_review'), after, {
      actor: carla,
      now: '2026-11-25T12:00:00.000Z',
      comment: 'Source the troop figure.',
    });
    expect(event!.comment).toBe('Source the troop figure.');
    expect(toHistoryEntry(event!)).toEqual({
      id: 'a1:3:ChangesRequested',
      version: 3,
      type: 'ChangesRequested',
      from: 'in_review',
      to: 'draft',
      actor: { id: 'carla', name: 'Carla Chief' },
      at: '2026-11-25T12:00:00.000Z',
      comment: 'Source the troop figure.',
    });
    const [submitted] = eventsFor(ruleFor('submit', 'draft'), article({ status: 'in_review', version: 2 }), { actor: rita, now: 'n' });
    expect(toHistoryEntry(submitted!)).not.toHaveProperty('comment');
  });

  it('a verified file emits MediaReady, a refused one MediaRejected, each with the file as verified', () => {
    const a = article({ version: 1 });
    const ready = mediaEvent(a, file('ready'), { actor: nobody, now: '2026-11-25T09:02:00.000Z' });
    expect(ready).toMatchObject({
      id: 'a1:media:m1:MediaReady',
      type: 'MediaReady',
      from: 'draft',
      to: 'draft',
      version: 1,
      occurredAt: '2026-11-25T09:02:00.000Z',
      actor: { id: 'guest', name: 'Guest' },
      article: { headline: 'Border', authorId: 'rita', status: 'draft' },
    });
    expect(ready.media).toEqual({
      id: 'm1',
      filename: 'p.png',
      contentType: 'image/png',
      size: 73,
      status: 'ready',
      reason: null,
      width: 4,
      height: 3,
    });
    const rejected = mediaEvent(a, file('rejected', 'content is not a recognisable image/png file'), { actor: nobody, now: 'n' });
    expect(rejected.id).toBe('a1:media:m1:MediaRejected');
    expect(rejected.type).toBe('MediaRejected');
    expect(rejected.media!.reason).toBe('content is not a recognisable image/png file');
  });
});

describe('what a transition changes', () => {
  const ctx = { actor: carla, now: '2026-11-25T12:00:00.000Z', publishAt: '2026-11-26T06:00:00.000Z' };

  it('each rule sets exactly its fields', () => {
    expect(transitionEffects(ruleFor('submit', 'draft'), ctx)).toEqual({
      status: 'in_review',
      submittedAt: ctx.now,
      changesRequested: null,
    });
    expect(transitionEffects(ruleFor('withdraw', 'in_review'), ctx)).toEqual({ status: 'draft', submittedAt: null });
    expect(transitionEffects(ruleFor('request-changes', 'in_review'), { ...ctx, comment: 'Cut it by half.' })).toEqual({
      status: 'draft',
      submittedAt: null,
      changesRequested: { comment: 'Cut it by half.', by: { id: 'carla', name: carla.name }, at: ctx.now },
    });
    expect(transitionEffects(ruleFor('approve', 'in_review', 'now'), ctx)).toEqual({
      status: 'published',
      approvedBy: 'carla',
      approvedAt: ctx.now,
      publishedAt: ctx.now,
    });
    expect(transitionEffects(ruleFor('approve', 'in_review', 'later'), ctx)).toEqual({
      status: 'scheduled',
      approvedBy: 'carla',
      approvedAt: ctx.now,
      publishAt: ctx.publishAt,
    });
    expect(transitionEffects(ruleFor('unschedule', 'scheduled'), ctx)).toEqual({
      status: 'in_review',
      approvedBy: null,
      approvedAt: null,
      publishAt: null,
    });
    expect(transitionEffects(ruleFor('schedule', 'scheduled'), { actor: carla, now: ctx.now })).toEqual({
      status: 'scheduled',
      publishAt: null,
    });
  });

  it('the scheduler publishes scheduled articles, as no one’s author, and reads what it must', () => {
    const scheduled = article({ status: 'scheduled', authorId: SCHEDULER.id });
    expect(decide(SCHEDULER, scheduled, 'publish').outcome).toBe('allowed');
    expect(decide(SCHEDULER, scheduled, 'edit').outcome).toBe('forbidden');
    expect(decide(SCHEDULER, article({ status: 'in_review' }), 'publish')).toEqual({ outcome: 'not-now', currentStatus: 'in_review' });
    expect(canRead(nobody, article({ status: 'published' }))).toBe(true);
    expect(canRead(nobody, article({ status: 'scheduled' }))).toBe(false);
    expect(canRead({ ...nobody, id: 'rita' }, article({ status: 'scheduled' }))).toBe(true);
    expect(canRead(carla, article({ status: 'draft' }))).toBe(true);
    expect(canRead({ id: 'eddie', name: 'Eddie', groups: ['editors'] }, article({ status: 'draft' }))).toBe(true);
  });

  it('approval’s guard lists every unverified file, and lets verified ones through', () => {
    const approve = ruleFor('approve', 'in_review', 'now');
    expect(() => checkGuard(approve, article({ status: 'in_review', media: { m1: file('ready') } }))).not.toThrow();
    expect(() => checkGuard(approve, article({ status: 'in_review', media: undefined }))).not.toThrow();
    try {
      checkGuard(approve, article({ status: 'in_review', media: { m1: file('ready'), m2: { ...file('pending'), id: 'm2' } } }));
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(ProblemError);
      expect((err as ProblemError).statusCode).toBe(409);
      expect((err as ProblemError).title).toBe('Conflict');
      expect((err as ProblemError).message).toBe('Attached files are still being checked: wait for them or remove them.');
      expect((err as ProblemError).extra).toEqual({
        currentStatus: 'in_review',
        media: [{ id: 'm2', filename: 'p.png', status: 'pending', reason: null }],
      });
    }
    // Rules without a guard do not look at media.
    expect(() => checkGuard(ruleFor('withdraw', 'in_review'), article({ media: { m2: file('pending') } }))).not.toThrow();
  });
});

describe('media rules', () => {
  const status = (f: () => unknown) => {
    try {
      f();
      return 200;
    } catch (err) {
      return (err as ProblemError).statusCode;
    }
  };

  it('reads a declared type in any case and lists what is allowed when refusing', () => {
    expect(checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'IMAGE/PNG', 10)).toBe('image/png');
    expect(checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'audio/mp3', 10)).toBe('audio/mpeg');
    const tooLarge = (() => {
      try {
        checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/png', 25 * 1024 * 1024 + 1);
      } catch (err) {
        return err as ProblemError;
      }
      throw new Error('not refused');
    })();
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.title).toBe('Payload Too Large');
    expect(tooLarge.message).toBe('image/png files are limited to 26214400 bytes.');
    expect(tooLarge.extra.limit).toBe(25 * 1024 * 1024);
    expect(tooLarge.extra.allowed).toContainEqual({ type: 'video/mp4', maxBytes: 2048 * 1024 * 1024 });
    expect(status(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/png', 25 * 1024 * 1024))).toBe(200);
    const unsupported = (() => {
      try {
        checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/svg+xml', 10);
      } catch (err) {
        return err as ProblemError;
      }
      throw new Error('not refused');
    })();
    expect([unsupported.statusCode, unsupported.title, unsupported.message]).toEqual([
      415,
      'Unsupported Media Type',
      'Newsroom does not take image/svg+xml files.',
    ]);
    expect(unsupported.extra.allowed).toEqual(Object.entries(DEFAULT_MEDIA_TYPES).map(([type, { maxBytes }]) => ({ type, maxBytes })));
  });

  it('configured limits: only known types and positive whole numbers, without touching the defaults', () => {
    expect(mediaTypesFrom(undefined)).toBe(DEFAULT_MEDIA_TYPES);
    expect(mediaTypesFrom('')).toBe(DEFAULT_MEDIA_TYPES);
    const types = mediaTypesFrom('{"video/mp4": 1}');
    expect(types['video/mp4']!.maxBytes).toBe(1);
    expect(types['image/png']!.maxBytes).toBe(25 * 1024 * 1024);
    expect(DEFAULT_MEDIA_TYPES['video/mp4']!.maxBytes).toBe(2048 * 1024 * 1024);
    for (const bad of ['{"image/png": 0}', '{"image/png": 1.5}', '{"image/png": "10"}', '{"image/png": null}']) {
      expect(() => mediaTypesFrom(bad)).toThrow(/image\/jpeg, image\/png/);
    }
  });

  it('a file no sniffer recognises is refused, naming what was declared', () => {
    expect(verdict(DEFAULT_MEDIA_TYPES, { contentType: 'image/png', size: 5 }, { size: 5, detectedType: undefined })).toBe(
      'content is not a recognisable image/png file',
    );
    expect(verdict(DEFAULT_MEDIA_TYPES, { contentType: 'image/png', size: 5 }, { size: 6, detectedType: 'image/png' })).toBe(
      'size is 6 bytes, 5 were declared',
    );
    expect(verdict(DEFAULT_MEDIA_TYPES, { contentType: 'image/gif', size: 5 }, { size: 5, detectedType: 'image/png' })).toBe(
      'content is image/png, image/gif was declared',
    );
  });

  it('storage keys name the article and the file, and nothing else parses as one', () => {
    expect(parseMediaKey('media/a-1/m-2')).toEqual({ articleId: 'a-1', mediaId: 'm-2' });
    for (const key of ['media/a1', 'media/a1/m2/x', 'xmedia/a1/m2', 'media/a1/m2x/', 'media/../m2', `media/${'a'.repeat(65)}/m2`]) {
      expect(parseMediaKey(key)).toBeUndefined();
    }
  });
});
