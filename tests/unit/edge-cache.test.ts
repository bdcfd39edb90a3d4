import { describe, expect, it } from '@jest/globals';
import { EdgeCache, siteKey, type SiteObject } from '../../local/edge-cache.js';

const file = (text: string): SiteObject => ({
  kind: 'file',
  body: Buffer.from(text),
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'no-cache',
  etag: `"${text}"`,
  lastModified: undefined,
});

/** A bucket of site files that counts its reads; `hold` keeps the next reads waiting until released. */
function bucket(files: Record<string, string>) {
  const reads: string[] = [];
  let held: (() => void)[] | undefined;
  return {
    files,
    reads,
    hold: () => void (held = []),
    release: () => {
      for (const go of held ?? []) go();
      held = undefined;
    },
    read: async (key: string): Promise<SiteObject> => {
      reads.push(key);
      // What the file holds when the read begins is what it returns.
      const text = files[key];
      if (held) await new Promise<void>((go) => held!.push(go));
      return text === undefined ? { kind: 'missing' } : file(text);
    },
  };
}

const text = (o: SiteObject) => (o.kind === 'file' ? o.body.toString() : o.kind);

describe('the local stand-in for the CDN in front of the site bucket', () => {
  it('serves a file read once from memory until its path is invalidated, as the renderer does after a change', async () => {
    const b = bucket({ 'articles/border/index.html': 'first' });
    const edge = new EdgeCache();
    expect(text(await edge.get('articles/border/index.html', b.read))).toBe('first');
    b.files['articles/border/index.html'] = 'corrected';
    expect(text(await edge.get('articles/border/index.html', b.read))).toBe('first');
    expect(b.reads).toHaveLength(1);

    edge.invalidate(['/articles/border/', '/articles/border.json']);
    expect(text(await edge.get('articles/border/index.html', b.read))).toBe('corrected');
    expect(b.reads).toHaveLength(2);
  });

  it('maps the renderer’s paths to the files readers get: a directory is its index.html, the root is index.html', () => {
    expect(siteKey('/')).toBe('index.html');
    expect(siteKey('/articles/border/')).toBe('articles/border/index.html');
    expect(siteKey('/feed.xml')).toBe('feed.xml');
    expect(siteKey('/media/a%20b.png')).toBe('media/a b.png');
    expect(siteKey('/articles/../secret')).toBeUndefined();
    expect(siteKey('/%E0%A4%A')).toBeUndefined();
  });

  it('does not keep a read that an invalidation of its path overtook, and reads again for readers who came after it', async () => {
    const b = bucket({ 'feed.xml': 'old' });
    const edge = new EdgeCache();
    b.hold();
    const before = edge.get('feed.xml', b.read);
    b.files['feed.xml'] = 'new';
    edge.invalidate(['/feed.xml']);
    const after = edge.get('feed.xml', b.read);
    b.release();
    expect(text(await before)).toBe('old');
    expect(text(await after)).toBe('new');
    expect(text(await edge.get('feed.xml', b.read))).toBe('new');
    expect(b.reads).toHaveLength(2);
  });

  it('lets readers of the same file at the same moment share one read', async () => {
    const b = bucket({ 'index.html': 'front' });
    const edge = new EdgeCache();
    b.hold();
    const reads = Array.from({ length: 5 }, () => edge.get('index.html', b.read));
    b.release();
    expect((await Promise.all(reads)).map(text)).toEqual(Array(5).fill('front'));
    expect(b.reads).toHaveLength(1);
  });

  it('remembers a missing file only briefly, as CloudFront keeps error responses', async () => {
    let now = 0;
    const b = bucket({});
    const edge = new EdgeCache({ missingMs: 10_000, now: () => now });
    expect(text(await edge.get('media/a/m.png', b.read))).toBe('missing');
    b.files['media/a/m.png'] = 'image';
    now = 9_999;
    expect(text(await edge.get('media/a/m.png', b.read))).toBe('missing');
    now = 10_000;
    expect(text(await edge.get('media/a/m.png', b.read))).toBe('image');
  });

  it('keeps at most its number of files, forgetting the least recently read, and never keeps large ones', async () => {
    const b = bucket({ a: 'a', b: 'b', c: 'c', big: 'x'.repeat(11) });
    const edge = new EdgeCache({ maxEntries: 2, maxBodyBytes: 10 });
    await edge.get('a', b.read);
    await edge.get('b', b.read);
    await edge.get('a', b.read);
    await edge.get('c', b.read);
    expect(b.reads).toEqual(['a', 'b', 'c']);
    await edge.get('a', b.read);
    await edge.get('b', b.read);
    expect(b.reads).toEqual(['a', 'b', 'c', 'b']);
    await edge.get('big', b.read);
    await edge.get('big', b.read);
    expect(b.reads.filter((k) => k === 'big')).toHaveLength(2);
  });
});
