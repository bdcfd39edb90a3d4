import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium.js';
import { readFileSync } from 'node:fs';
import { importArticle } from '../../cli/importer.js';
import { FIXTURES } from '../support/fixture-article.js';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { png, uploadWithForm } from '../support/media-files.js';

/** Catches any request a hostile article manages to make: nothing should ever reach it. */
let trap: Server;
let trapUrl: string;
const trapped: string[] = [];

let newsroom: LocalNewsroom;
let browser: Browser;
let author: string;
let chief: string;

beforeAll(async () => {
  trap = createServer((req, res) => {
    trapped.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((ok) => trap.listen(0, '127.0.0.1', ok));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  [newsroom, browser] = await Promise.all([new LocalNewsroom(newDataDir()).start(), launchChromium()]);
  [author, chief] = await Promise.all([
    newsroom.token('killian', 'reporters', 'Killian Jones'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await newsroom?.stop();
  await new Promise((ok) => trap?.close(ok));
});

async function publish(content: Record<string, unknown>, image?: { caption: string; credit: string }): Promise<string> {
  const api = `${newsroom.url}/articles`;
  const { body } = await call(api, { token: author, body: content });
  if (image) {
    const file = png(64, 48);
    const declared = await call(`${api}/${body.id}/media`, {
      token: author,
      body: { filename: 'border.png', contentType: 'image/png', size: file.length, ...image },
    });
    expect(declared.status).toBe(201);
    await uploadWithForm(declared.body.upload, file, 'image/png');
    await eventually(async () =>
      (await call(`${api}/${body.id}/media`, { token: author })).body.items.every((m: { status: string }) => m.status === 'ready'),
    );
  }
  const submitted = await call(`${api}/${body.id}/submit`, { method: 'POST', token: author });
  const approved = await call(`${api}/${body.id}/approve`, {
    token: chief,
    body: {},
    headers: { 'if-match': `"${submitted.body.version}"` },
  });
  expect(approved.status).toBe(200);
  const url = approved.body.url as string;
  // A whole page: s3rver may serve a file in the middle of its rewrite (S3 replaces objects atomically).
  await eventually(async () => {
    const res = await fetch(url);
    return res.status === 200 && (await res.text()).includes('</html>');
  });
  return url;
}

/** Opens a page and reports everything that would show a script ran or reached out. */
async function visit(url: string, shot: string) {
  const page: Page = await browser.newPage({ viewport: { width: 390, height: 1400 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: artifactPath(shot), fullPage: true });
  return { page, res, dialogs, requests, errors };
}

describe('the public site in Chromium', () => {
  it('shows the fixture article with its headline, image and author box', async () => {
    // Filed as a reporter files it with `newsroom file`: its subheading becomes a Markdown heading.
    const fixture = importArticle(readFileSync(`${FIXTURES}tajikistan-border.txt`), 'tajikistan-border.txt').article;
    const profile = await call(`${newsroom.url}/profiles/me`, {
      method: 'PUT',
      token: author,
      body: {
        name: 'Killian Jones',
        bio: 'Graduated From Princeton University. He has been at the USTV since 2017.',
        function: 'Chief-Editor',
      },
    });
    expect(profile.status).toBe(200);
    const url = await publish(
      { headline: fixture.headline, standfirst: fixture.standfirst, body: fixture.body, tags: ['tajikistan', 'afghanistan'] },
      { caption: 'Tajik border guards at the Afghan border', credit: 'Killian Jones' },
    );
    const { page, res, errors } = await visit(url, 'site-fixture-article.png');
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(fixture.headline);
    const text = await page.locator('body').innerText();
    expect(text).toContain(fixture.standfirst);
    expect(await page.locator('h2', { hasText: 'Taliban promise peace plan and talks' }).count()).toBe(1);
    expect(text).toContain('Killian Jones');
    expect(text).toContain('Princeton');
    expect(text).toContain('Chief-Editor');
    const img = page.locator('img').first();
    expect(await img.evaluate((i) => (i as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBe(64);
    expect(await page.locator('figcaption').first().innerText()).toContain('Tajik border guards');
    // Readable on a phone: nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs nothing a hostile article carries, in any field', async () => {
    const hostile = (where: string) =>
      `${where} <script>alert('${where}')</script><img src=x onerror="alert('${where}')"> "><svg onload=alert('${where}')> <img src="${trapUrl}/${where}">`;
    await call(`${newsroom.url}/profiles/me`, {
      method: 'PUT',
      token: author,
      body: { name: 'Killian Jones', bio: hostile('bio'), function: hostile('function').slice(0, 100) },
    });
    const url = await publish(
      {
        headline: hostile('headline'),
        standfirst: hostile('standfirst'),
        body: `${hostile('body')}\n\n[click me](javascript:alert('link')) [data](data:text/html,<script>alert(1)</script>)\n\n<iframe src="${trapUrl}/iframe"></iframe>`,
        tags: ['<script>alert(1)</script>', `"><svg onload=alert('tag')>`],
      },
      { caption: hostile('caption').slice(0, 300), credit: hostile('credit').slice(0, 200) },
    );
    const { page, dialogs, requests, errors } = await visit(url, 'site-hostile-article.png');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(trapped).toEqual([]);
    expect(requests.filter((r) => !r.startsWith(newsroom.url))).toEqual([]);
    // The words are there, as text.
    expect(await page.locator('h1').innerText()).toContain("<script>alert('headline')</script>");
    expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
    expect(await page.locator('iframe, svg, script:not([type="application/ld+json"])').count()).toBe(0);
    // Clicking what looks like a link runs nothing either.
    await page.getByText('click me').click();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
