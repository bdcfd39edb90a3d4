import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from '../support/chromium.js';
import { call, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';

let newsroom: LocalNewsroom;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  [newsroom, browser] = await Promise.all([new LocalNewsroom(newDataDir()).start(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  page.setDefaultTimeout(10_000);
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});
afterAll(async () => {
  await browser?.close();
  await newsroom?.stop();
});

/** Every operationId of the document the newsroom serves, webhooks included. */
async function operationIds(): Promise<string[]> {
  const doc = (await call(`${newsroom.url}/openapi.json`)).body as {
    paths: Record<string, Record<string, { operationId: string }>>;
    webhooks: Record<string, Record<string, { operationId: string }>>;
  };
  return [...Object.values(doc.paths), ...Object.values(doc.webhooks)].flatMap((ops) => Object.values(ops).map((o) => o.operationId));
}

describe('GET /docs, the API reference page, in Chromium', () => {
  it('loads without console errors and lists every operation of the document by its operationId', async () => {
    const ids = await operationIds();
    expect(ids.length).toBeGreaterThan(20);
    const res = await page.goto(`${newsroom.url}/docs`);
    expect(res?.status()).toBe(200);
    await page.waitForSelector('.opblock-summary-operation-id', { timeout: 20_000 });
    const shown = await page.locator('.opblock-summary-operation-id').allInnerTexts();
    expect([...shown].sort()).toEqual([...ids].sort());
    expect(consoleErrors).toEqual([]);
  });

  it('sends a request with a pasted token to the newsroom that serves it: a draft filed from the page exists', async () => {
    const token = await newsroom.token('rita', 'reporters', 'Rita Reporter');
    await page.locator('.auth-wrapper button.authorize').click();
    await page.locator('.auth-container input').first().fill(token);
    await page.locator('.auth-btn-wrapper button.authorize').click();
    await page.locator('.auth-btn-wrapper button.btn-done, button.close-modal').first().click();

    const op = page.locator('#operations-Articles-createArticle');
    await op.locator('.opblock-summary-control').click();
    // The page opens every operation ready to try (tryItOutEnabled): its body is editable at once.
    const headline = `Filed from the reference page ${Date.now()}`;
    await op.locator('textarea.body-param__text').fill(JSON.stringify({ headline, body: 'Sent by a person trying the API.' }));
    await op.locator('.execute').click();
    const status = op.locator('.live-responses-table tr.response .response-col_status').first();
    await expect(status.innerText({ timeout: 15_000 })).resolves.toMatch(/^201/);
    await status.scrollIntoViewIfNeeded();
    const shot = artifactPath('api-docs-page.png');
    await page.screenshot({ path: shot, fullPage: false });

    const list = await call(`${newsroom.url}/articles?author=rita`, { token });
    expect(list.body.items.map((a: { headline: string }) => a.headline)).toContain(headline);
    expect(consoleErrors).toEqual([]);
  });
});
