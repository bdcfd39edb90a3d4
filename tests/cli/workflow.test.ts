import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CliUser, largePng } from '../support/cli.js';
import { FIXTURES } from '../support/fixture-article.js';
import { LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { png } from '../support/media-files.js';

let newsroom: LocalNewsroom;
const rita = new CliUser();
const eddie = new CliUser();
const carla = new CliUser();
const scratch = mkdtempSync(join(tmpdir(), 'newsroom-cli-'));
const fixture = join(FIXTURES, 'tajikistan-border.txt');

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  // Each logs in to the local newsroom as `npm run token` would sign for it.
  for (const [user, args] of [
    [rita, ['--user', 'rita', '--group', 'reporters', '--name', 'Rita Reporter']],
    [eddie, ['--user', 'eddie', '--group', 'editors', '--name', 'Eddie Editor']],
    [carla, ['--user', 'carla', '--group', 'chief-editors', '--name', 'Carla Chief']],
  ] as const) {
    const login = await user.run(['login', '--local', ...args]);
    expect(login).toMatchObject({ code: 0, stdout: `Logged in to ${newsroom.url} as ${args[5]} (${args[1]}), in ${args[3]}.\n` });
  }
});
afterAll(async () => {
  await newsroom.stop();
});

describe('newsroom login and whoami', () => {
  it('keeps the URL and token in $XDG_CONFIG_HOME/newsroom/config.json, readable by the user alone, and never prints the token', async () => {
    const file = join(rita.configHome, 'newsroom', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(rita.configHome, 'newsroom')).mode & 0o777).toBe(0o700);
    const config = JSON.parse(readFileSync(file, 'utf8'));
    expect(config).toEqual({ url: newsroom.url, token: expect.stringMatching(/^ey/) });

    const who = await rita.run(['whoami']);
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(
      new RegExp(`^Rita Reporter \\(rita\\) at ${newsroom.url}\\ngroups: reporters\\nThe token is valid until 20`),
    );
    expect(who.stdout + who.stderr).not.toContain(config.token);
    expect(await rita.json(['whoami'])).toMatchObject({ url: newsroom.url, user: 'rita', groups: ['reporters'], expired: false });
  });

  it('lets NEWSROOM_URL and NEWSROOM_TOKEN override the file', async () => {
    const token = await newsroom.token('omar', 'editors', 'Omar Other');
    expect(await rita.json(['whoami'], { NEWSROOM_TOKEN: token })).toMatchObject({ user: 'omar', groups: ['editors'] });
    const elsewhere = await rita.run(['whoami'], { NEWSROOM_URL: 'http://127.0.0.1:9' });
    expect(elsewhere.stdout).toContain('at http://127.0.0.1:9\n');
  });
});

describe('the workflow from a terminal', () => {
  let id: string;

  it('files the fixture with --submit in one line, saying what it left out', async () => {
    const filed = await rita.run(['file', fixture, '--tag', 'tajikistan', '--submit']);
    expect(filed.code).toBe(0);
    const m =
      /^Filed and submitted ([0-9a-f-]{36}): in_review \(version 2\)\.\nBorder with Afghanistan – Tajikistan mobilizes 20,000 troops {2}\[tajikistan\]\n$/.exec(
        filed.stdout,
      );
    expect(m).not.toBeNull();
    id = m![1]!;
    expect(filed.stderr).toContain('Left out of tajikistan-border.txt:');
    expect(filed.stderr).toContain('page furniture: "Share to friends"');
    expect(filed.stderr).toContain('page furniture: "Author: Killian Jones"');

    const article = await rita.json(['show', id]);
    expect(article).toMatchObject({
      id,
      status: 'in_review',
      headline: 'Border with Afghanistan – Tajikistan mobilizes 20,000 troops',
      standfirst:
        'The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.',
      tags: ['tajikistan'],
      authorName: 'Rita Reporter',
    });
    expect(article.body).toMatch(
      /^The Central Asian Republic of Tajikistan[\s\S]*\n\n## Taliban promise peace plan and talks\n\n[\s\S]*announced a counter-offensive\.$/,
    );
  });

  it('never files twice when the same file command runs again', async () => {
    const again = await rita.run(['file', fixture, '--tag', 'tajikistan', '--submit']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Already filed ${id}: in_review`);
    const mine = await rita.json(['list', '--mine']);
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('lists and shows for people: aligned columns, short sentences, no colour in a pipe', async () => {
    const listed = await eddie.run(['list', '--status', 'in_review']);
    expect(listed.code).toBe(0);
    const [header, row] = listed.stdout.split('\n');
    expect(header).toMatch(/^ID {36}STATUS {5}UPDATED {15}AUTHOR {9}HEADLINE$/);
    expect(row).toMatch(
      new RegExp(`^${id}  in_review  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ  Rita Reporter  Border with Afghanistan`),
    );
    expect(row!.indexOf('in_review')).toBe(header!.indexOf('STATUS'));
    expect(listed.stdout).not.toContain('\x1b[');

    const tagged = await eddie.json(['list', '--tag', 'tajikistan']);
    expect(tagged.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await eddie.json(['list', '--sort', 'updatedAt'])).items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await eddie.json(['list', '--tag', 'no-such-tag'])).items).toEqual([]);

    const shown = await eddie.run(['show', id]);
    expect(shown.stdout).toMatch(/^Border with Afghanistan – Tajikistan mobilizes 20,000 troops\nThe Taliban are offering/);
    expect(shown.stdout).toMatch(/\nstatus {5}in_review \(version 2, revision 1\)\n/);
    expect(shown.stdout).toMatch(/\nyou may {4}edit, request-changes, spike\n/);
    expect(shown.stdout).toContain('\n## Taliban promise peace plan and talks\n');
  });

  it('attaches a real PNG over 1 MiB with a progress bar on a terminal, then reports its verified dimensions', async () => {
    const picture = join(scratch, 'border.png');
    writeFileSync(picture, largePng(1100, 1000));
    const attached = await eddie.runOnTerminal(['attach', id, picture, '--caption', 'The border post', '--credit', 'Eddie Editor']);
    expect(attached.code).toBe(0);
    expect(attached.output).toMatch(/border\.png \[#{30}\] 100% {2}1\.1 MiB of 1\.1 MiB\n/);
    expect(attached.output).toMatch(/\rborder\.png \[-{30}\] {3}0%/);
    expect(attached.output).toMatch(/border\.png is \x1b\[32mready\x1b\[39m: image\/png, 1100×1000, 1\.1 MiB \([0-9a-f-]{36}\)\.\n$/);
  });

  it('shows no progress bar in a pipe, and prints the media item under --json', async () => {
    const small = join(scratch, 'pixel.png');
    writeFileSync(small, png(3, 2));
    const piped = await eddie.run(['attach', id, small]);
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    expect(piped.stdout).toMatch(/^pixel\.png is ready: image\/png, 3×2, \d+ bytes \([0-9a-f-]{36}\)\.\n$/);

    const big = join(scratch, 'again.png');
    writeFileSync(big, largePng(1100, 1000));
    const quiet = await eddie.run(['attach', id, big, '--json']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout)).toMatchObject({
      filename: 'again.png',
      status: 'ready',
      width: 1100,
      height: 1000,
      contentType: 'image/png',
    });

    const media = await eddie.json(['media', id]);
    expect(media.items.map((m: { status: string }) => m.status)).toEqual(['ready', 'ready', 'ready']);
  });

  it('reports a rejected file with its reason, exit 1', async () => {
    const fake = join(scratch, 'fake.png');
    writeFileSync(fake, 'this is not a picture at all');
    const rejected = await eddie.run(['attach', id, fake]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/^fake\.png was rejected: .*not a recognisable image\/png/);
    const gone = await eddie.json(['media', id]);
    const bad = gone.items.find((m: { filename: string }) => m.filename === 'fake.png');
    const { newsroomDelete } = { newsroomDelete: `${newsroom.url}/articles/${id}/media/${bad.id}` };
    // A rejected file holds approval back: the desk removes it.
    const del = await fetch(newsroomDelete, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await newsroom.token('eddie', 'editors')}` },
    });
    expect(del.status).toBe(204);
  });

  it('approves as the chief, bound to the version just read', async () => {
    const approved = await carla.run(['approve', id]);
    expect(approved).toMatchObject({ code: 0, stderr: '' });
    // Published, it says where readers find it.
    expect(approved.stdout).toMatch(
      new RegExp(`^Approved ${id}: now published at http://\\S+/site/articles/[a-z0-9-]+/ \\(version \\d+\\)\\.\\n$`),
    );
  });

  it('shows the history, oldest first, for people and as the API’s JSON', async () => {
    const human = await rita.run(['history', id]);
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^AT +VERSION +EVENT +CHANGE +BY +NOTE$/);
    expect(lines[1]).toMatch(/ 1 +ArticleCreated +draft +Rita Reporter +revision 1: headline, standfirst, body, tags$/);
    expect(lines[2]).toMatch(/ 2 +ArticleSubmitted +draft → in_review +Rita Reporter$/);
    expect(lines.at(-1)).toMatch(/ArticlePublished +in_review → published +Carla Chief$/);

    const json = await rita.json(['history', id]);
    expect(json.nextCursor).toBeNull();
    expect(json.items.map((h: { type: string }) => h.type)).toEqual([
      'ArticleCreated',
      'ArticleSubmitted',
      'ArticleApproved',
      'ArticlePublished',
    ]);
  });

  it('corrects, comments, lists revisions and diffs them, then unpublishes and kills', async () => {
    const corrected = join(scratch, 'corrected.md');
    writeFileSync(
      corrected,
      '---\nheadline: Border with Afghanistan – Tajikistan mobilizes 20,000 reservists\nstandfirst: The Taliban are offering peace talks.\n---\nThe Central Asian Republic of Tajikistan is mobilizing 20,000 reservists.\n',
    );
    const fixed = await eddie.run(['correct', id, '--file', corrected, '--note', 'They are reservists, not troops.']);
    expect(fixed.stdout).toMatch(new RegExp(`^Corrected ${id}: now published`));

    expect((await eddie.run(['comment', id, 'Second source for the figure?', '--quote', '20,000'])).stdout).toMatch(
      /^Comment \d+-[0-9a-f]+ added to [0-9a-f-]{36}\.\n$/,
    );
    const thread = await rita.run(['comments', id]);
    expect(thread.stdout).toMatch(/^Eddie Editor \d{4}-.*\n {2}> 20,000\n {2}Second source for the figure\?\n$/);

    const revisions = await rita.json(['revisions', id]);
    expect(revisions.items.map((r: { revision: number; kind: string }) => [r.revision, r.kind])).toEqual([
      [2, 'corrected'],
      [1, 'created'],
    ]);
    const diff = await rita.run(['diff', id, '2']);
    expect(diff.stdout).toMatch(
      /^Revision 2 against 1:\n\nheadline\nBorder with Afghanistan – Tajikistan mobilizes 20,000 (\[-troops-\]\{\+reservists\+\}|\{\+reservists\+\}\[-troops-\])\n/,
    );
    expect((await rita.json(['diff', id, '2', '--against', '1'])).fields.headline).toContainEqual({ op: 'insert', text: 'reservists' });

    expect((await carla.run(['unpublish', id, '--reason', 'Legal review.'])).stdout).toMatch(/now unpublished/);
    expect((await carla.run(['kill', id, '--reason', 'Retracted.'])).stdout).toMatch(/now killed/);
  });

  it('moves a second story through request-changes, withdraw, spike and unspike, schedule and unschedule, publish', async () => {
    const story = join(scratch, 'talks.md');
    writeFileSync(story, '# Border talks resume\n\nDelegations meet again.\n\nOn Thursday, in Dushanbe.\n');
    const filed = await rita.json(['file', story]);
    const id2 = filed.id as string;
    expect(filed).toMatchObject({
      status: 'draft',
      headline: 'Border talks resume',
      standfirst: 'Delegations meet again.',
      body: 'On Thursday, in Dushanbe.',
    });
    const step = async (user: CliUser, args: string[]) => {
      const r = await user.run([...args, '--json']);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout).status as string;
    };
    expect(await step(rita, ['submit', id2])).toBe('in_review');
    expect(await step(eddie, ['request-changes', id2, '--comment', 'Which day?'])).toBe('draft');
    expect(await step(rita, ['submit', id2, '--idempotency-key', 'talks-resubmit-1'])).toBe('in_review');
    expect(await step(rita, ['submit', id2, '--idempotency-key', 'talks-resubmit-1'])).toBe('in_review');
    expect(await step(rita, ['withdraw', id2])).toBe('draft');
    expect(await step(rita, ['spike', id2, '--reason', 'Not yet.'])).toBe('spiked');
    expect(await step(rita, ['unspike', id2])).toBe('draft');
    const edited = join(scratch, 'talks-2.md');
    writeFileSync(edited, '# Border talks resume on Thursday\n\nDelegations meet again.\n\nOn Thursday, in Dushanbe.\n');
    expect((await rita.run(['edit', id2, '--file', edited])).stdout).toMatch(/^Edited .*: now draft/);
    expect(await step(rita, ['submit', id2])).toBe('in_review');
    const at = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(await step(carla, ['approve', id2, '--at', at])).toBe('scheduled');
    const later = new Date(Date.now() + 7200_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(await step(carla, ['schedule', id2, '--at', later])).toBe('scheduled');
    expect(await step(carla, ['unschedule', id2])).toBe('in_review');
    expect(await step(carla, ['approve', id2, '--at', at])).toBe('scheduled');
    expect(await step(carla, ['publish', id2])).toBe('published');
  });
});
