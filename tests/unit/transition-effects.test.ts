import { describe, expect, it } from '@jest/globals';
import type { Actor, Article } from '../../lambdas/domain/article.js';
import { EVENT_TYPES, isHistoryEvent, transitionEffects, WORKFLOW } from '../../lambdas/domain/workflow.js';

const carla: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };
const NOW = '2026-11-25T10:00:00.000Z';
const LATER = '2026-11-26T06:00:00.000Z';
const ctx = { actor: carla, now: NOW, publishAt: LATER, comment: 'Cut it by half.', slug: 'floods-close-the-valley-road' };

/** What each move of the workflow writes on the article, beyond its new status. */
const EXPECTED: Record<string, Partial<Article>> = {
  'edit draft → draft': { status: 'draft' },
  'edit in_review → in_review': { status: 'in_review' },
  'edit unpublished → unpublished': { status: 'unpublished' },
  'submit draft → in_review': { status: 'in_review', submittedAt: NOW, changesRequested: null },
  'withdraw in_review → draft': { status: 'draft', submittedAt: null },
  'request-changes in_review → draft': {
    status: 'draft',
    submittedAt: null,
    changesRequested: { comment: 'Cut it by half.', by: { id: 'carla', name: 'Carla Chief' }, at: NOW },
  },
  'approve in_review → published': {
    status: 'published',
    approvedBy: 'carla',
    approvedAt: NOW,
    publishedAt: NOW,
    slug: 'floods-close-the-valley-road',
  },
  'approve in_review → scheduled': { status: 'scheduled', approvedBy: 'carla', approvedAt: NOW, publishAt: LATER },
  'approve unpublished → published': {
    status: 'published',
    approvedBy: 'carla',
    approvedAt: NOW,
    publishedAt: NOW,
    slug: 'floods-close-the-valley-road',
  },
  'approve unpublished → scheduled': { status: 'scheduled', approvedBy: 'carla', approvedAt: NOW, publishAt: LATER },
  'schedule scheduled → scheduled': { status: 'scheduled', publishAt: LATER },
  'unschedule scheduled → in_review': { status: 'in_review', approvedBy: null, approvedAt: null, publishAt: null },
  'publish scheduled → published': { status: 'published', publishedAt: NOW, slug: 'floods-close-the-valley-road' },
  // The slug of an article published before slugs existed (the write claims one only when it has none).
  'correct published → published': { status: 'published', slug: 'floods-close-the-valley-road' },
  'unpublish published → unpublished': { status: 'unpublished' },
  'spike draft → spiked': { status: 'spiked' },
  'spike in_review → spiked': { status: 'spiked', submittedAt: null },
  'unspike spiked → draft': { status: 'draft' },
  'kill published → killed': { status: 'killed' },
  'kill unpublished → killed': { status: 'killed' },
  'kill scheduled → killed': { status: 'killed', publishAt: null },
};

describe('what each move of the workflow writes on the article', () => {
  it('has a line here for every move of the table', () => {
    expect(WORKFLOW.map((r) => `${r.action} ${r.from} → ${r.to}`).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (move, expected) => {
    const rule = WORKFLOW.find((r) => `${r.action} ${r.from} → ${r.to}` === move)!;
    expect(transitionEffects(rule, ctx)).toStrictEqual(expected);
  });

  it('killing a scheduled article cancels its publication time and publishes nothing', () => {
    const rule = WORKFLOW.find((r) => r.action === 'kill' && r.from === 'scheduled')!;
    const changes = transitionEffects(rule, { actor: carla, now: NOW });
    expect(changes).toStrictEqual({ status: 'killed', publishAt: null });
    expect(changes.publishedAt).toBeUndefined();
  });
});

describe('which events make up an article’s history', () => {
  it('holds every transition and revision, but not file checks or comments', () => {
    const history = [
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
    ];
    expect(EVENT_TYPES.filter((t) => isHistoryEvent(t))).toEqual(history);
    expect(EVENT_TYPES.filter((t) => !isHistoryEvent(t))).toEqual(['MediaReady', 'MediaRejected', 'CommentAdded']);
  });
});
