import { describe, expect, it } from '@jest/globals';
import { publicArticleJson, type SiteArticle } from '../../../lambdas/site/index.js';
import { BORDER_PHOTO, fixtureArticle, SITE } from './reader.js';

describe('the public JSON of an article', () => {
  const article = fixtureArticle({
    body: 'First.\n\n## Taliban promise peace plan and talks\n\nSecond.',
    updatedAt: '2026-07-06T08:00:00.000Z',
    corrections: [{ kind: 'correction', note: 'The border is 1,344 km long.', at: '2026-07-06T08:00:00.000Z' }],
    media: [
      BORDER_PHOTO,
      { ...BORDER_PHOTO, path: '/media/a-1/m-2.png', contentType: 'image/png', width: null, height: null, caption: null, credit: null },
    ],
  });

  it('has exactly the documented fields, with absolute URLs and the body as Markdown and as HTML', () => {
    const json = publicArticleJson(article, SITE);
    expect(json).toStrictEqual({
      slug: 'border-with-afghanistan-tajikistan-mobilizes-20-000-troops',
      url: `${SITE.baseUrl}/articles/border-with-afghanistan-tajikistan-mobilizes-20-000-troops/`,
      headline: 'Border with Afghanistan – Tajikistan mobilizes 20,000 troops',
      standfirst: article.standfirst,
      body: 'First.\n\n## Taliban promise peace plan and talks\n\nSecond.',
      bodyHtml: '<p>First.</p>\n<h2>Taliban promise peace plan and talks</h2>\n<p>Second.</p>\n',
      tags: ['tajikistan', 'afghanistan'],
      author: {
        name: 'Killian Jones',
        bio: 'Graduated From Princeton University.He has been at the USTV since 2017.',
        function: 'Chief-Editor',
      },
      publishedAt: '2026-07-05T09:30:00.000Z',
      updatedAt: '2026-07-06T08:00:00.000Z',
      corrections: [{ kind: 'correction', note: 'The border is 1,344 km long.', at: '2026-07-06T08:00:00.000Z' }],
      media: [
        {
          url: `${SITE.baseUrl}/media/a-1/m-1.jpg`,
          contentType: 'image/jpeg',
          width: 1200,
          height: 800,
          caption: 'The border post at Panj',
          credit: 'Reuters',
        },
        { url: `${SITE.baseUrl}/media/a-1/m-2.png`, contentType: 'image/png', width: null, height: null, caption: null, credit: null },
      ],
    });
  });

  it('carries nothing else, even when the article given to it carries more', () => {
    const withStaffFields = {
      ...article,
      id: 'a-1',
      authorId: 'rita',
      approvedBy: 'carla',
      status: 'published',
      version: 7,
      comments: [{ comment: 'internal' }],
      author: { ...article.author, id: 'rita' },
      corrections: article.corrections.map((c) => ({ ...c, by: { id: 'eddie' }, revision: 3 })),
      media: article.media.map((m) => ({ ...m, storedKey: 'uploads/a-1/m-1', status: 'ready' })),
    } as SiteArticle;
    const json = publicArticleJson(withStaffFields, SITE);
    expect(Object.keys(json)).toEqual([
      'slug',
      'url',
      'headline',
      'standfirst',
      'body',
      'bodyHtml',
      'tags',
      'author',
      'publishedAt',
      'updatedAt',
      'corrections',
      'media',
    ]);
    expect(Object.keys(json.author)).toEqual(['name', 'bio', 'function']);
    expect(Object.keys(json.corrections[0]!)).toEqual(['kind', 'note', 'at']);
    expect(Object.keys(json.media[0]!)).toEqual(['url', 'contentType', 'width', 'height', 'caption', 'credit']);
    expect(JSON.stringify(json)).not.toMatch(/rita|carla|eddie|uploads\/|internal/);
  });
});
