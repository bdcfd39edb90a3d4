import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { Profile } from '../../lambdas/domain/profile.js';
import { DynamoProfileStore } from '../../lambdas/store/profiles.js';
import { myProfile, readProfile, saveProfile, type ProfileDeps, type ProfileStore } from '../../lambdas/usecases/profiles.js';
import { startDynamo } from '../support/dynamo.js';
import { problemOf } from '../support/refusal.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let store: DynamoProfileStore;
let deps: ProfileDeps;

const NOW = '2026-11-26T08:15:00.000Z';

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-profile-usecases');
  store = new DynamoProfileStore(dynamo.db, dynamo.tableName);
  deps = { profiles: store, now: () => new Date(NOW) };
});
afterAll(() => dynamo.stop());

let n = 0;
/** A user of their own for each test: profiles are one per user in one table. */
const person = (groups: Actor['groups'], name = 'Pat Person'): Actor => ({ id: `user-${++n}`, name, groups });
const outsider = (): Actor => ({ id: `outsider-${++n}`, name: 'Otto Outsider', groups: [] });

const fields = { name: 'Rita Reporter', bio: 'Covers the city council.', function: 'Reporter' };

async function storedItem(userId: string) {
  const { Item } = await dynamo.db.send(
    new GetCommand({ TableName: dynamo.tableName, Key: { PK: `PROFILE#${userId}`, SK: 'PROFILE' }, ConsistentRead: true }),
  );
  return Item;
}

const staffRead = (whose: string) => `Only reporters, editors and chief editors may read ${whose}.`;
const NO_SUCH = 'No such profile: a profile exists once its owner saves it with PUT /profiles/me.';
const CHIEFS_ONLY = 'Only chief editors may edit someone else’s profile.';

describe('reading one’s own profile', () => {
  it('shows a member of staff the defaults from their token until they save, and the stored profile after', async () => {
    const rita = person(['reporters'], 'Rita from the token');
    expect(await myProfile(deps, rita)).toEqual({
      userId: rita.id,
      name: 'Rita from the token',
      bio: '',
      function: '',
      updatedAt: null,
      version: 0,
    });
    expect(await storedItem(rita.id)).toBeUndefined();

    await saveProfile(deps, rita, rita.id, () => fields, undefined);
    expect(await myProfile(deps, rita)).toEqual({ userId: rita.id, ...fields, updatedAt: NOW, version: 1 });
  });

  it('refuses anyone outside the newsroom’s groups with a 403 that names who may', async () => {
    expect(await problemOf(myProfile(deps, outsider()))).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: staffRead('their own profile'),
    });
  });
});

describe('reading someone’s profile', () => {
  it('gives any member of staff a saved profile, and a 404 for one never saved or a name no user can have', async () => {
    const rita = person(['reporters']);
    await saveProfile(deps, rita, rita.id, () => fields, undefined);
    const eddie = person(['editors']);
    expect(await readProfile(deps, eddie, rita.id)).toEqual({ userId: rita.id, ...fields, updatedAt: NOW, version: 1 });

    expect(await problemOf(readProfile(deps, eddie, 'never-saved-anything'))).toEqual({ status: 404, title: 'Not Found', detail: NO_SUCH });
    expect(await problemOf(readProfile(deps, eddie, 'has a space'))).toEqual({ status: 404, title: 'Not Found', detail: NO_SUCH });
  });

  it('refuses anyone outside the newsroom’s groups, even for a profile that exists', async () => {
    const rita = person(['reporters']);
    await saveProfile(deps, rita, rita.id, () => fields, undefined);
    expect(await problemOf(readProfile(deps, outsider(), rita.id))).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: staffRead('someone else’s profile'),
    });
  });
});

describe('saving a profile', () => {
  it('creates the caller’s own profile on the first save, as version 1 stamped with the time, and adds one on each save', async () => {
    const rita = person(['reporters']);
    const first = await saveProfile(deps, rita, rita.id, () => fields, undefined);
    expect(first).toEqual({ userId: rita.id, ...fields, updatedAt: NOW, version: 1 });
    expect(await storedItem(rita.id)).toMatchObject({ userId: rita.id, ...fields, updatedAt: NOW, version: 1 });

    // Without If-Match the last save wins.
    const second = await saveProfile(deps, rita, rita.id, () => ({ ...fields, bio: '' }), undefined);
    expect(second).toEqual({ userId: rita.id, ...fields, bio: '', updatedAt: NOW, version: 2 });
    expect(await store.get(rita.id)).toEqual(second);
  });

  it('lets a chief editor replace someone else’s saved profile, but not create one nobody saved', async () => {
    const rita = person(['reporters']);
    await saveProfile(deps, rita, rita.id, () => fields, undefined);
    const chief = person(['chief-editors']);
    const edited = await saveProfile(deps, chief, rita.id, () => ({ ...fields, function: 'Senior reporter' }), '"1"');
    expect(edited).toEqual({ userId: rita.id, ...fields, function: 'Senior reporter', updatedAt: NOW, version: 2 });
    expect(await store.get(rita.id)).toEqual(edited);

    expect(await problemOf(saveProfile(deps, chief, 'nobody-saved-this', () => fields, undefined))).toEqual({
      status: 404,
      title: 'Not Found',
      detail: NO_SUCH,
    });
    expect(await store.get('nobody-saved-this')).toBeUndefined();
    // A path segment no user id can be names nobody, however long.
    expect(await problemOf(saveProfile(deps, chief, 'x'.repeat(3000), () => fields, undefined))).toMatchObject({ status: 404 });
    expect(await problemOf(saveProfile(deps, chief, '', () => fields, undefined))).toMatchObject({ status: 404 });
  });

  it('refuses an editor who edits someone else’s profile, and leaves it as it was', async () => {
    const rita = person(['reporters']);
    const saved = await saveProfile(deps, rita, rita.id, () => fields, undefined);
    const eddie = person(['editors', 'reporters']);
    expect(await problemOf(saveProfile(deps, eddie, rita.id, () => ({ ...fields, name: 'Hijacked' }), undefined))).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: CHIEFS_ONLY,
    });
    expect(await store.get(rita.id)).toEqual(saved);
  });

  it('refuses anyone outside the newsroom’s groups, for their own profile and for anyone else’s', async () => {
    const rita = person(['reporters']);
    await saveProfile(deps, rita, rita.id, () => fields, undefined);
    const otto = outsider();
    expect(await problemOf(saveProfile(deps, otto, otto.id, () => fields, undefined))).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: 'Only reporters, editors and chief editors may edit their own profile.',
    });
    expect(await storedItem(otto.id)).toBeUndefined();
    expect(await problemOf(saveProfile(deps, otto, rita.id, () => fields, undefined))).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: CHIEFS_ONLY,
    });
  });

  it('checks the body only once the caller may save: a 400 names the field', async () => {
    const rita = person(['reporters']);
    const problem = await problemOf(saveProfile(deps, rita, rita.id, () => ({ ...fields, name: '   ' }), undefined));
    expect(problem).toMatchObject({ status: 400, errors: [{ pointer: '/name' }] });
    expect(await storedItem(rita.id)).toBeUndefined();
  });
});

describe('If-Match on a profile save', () => {
  it('takes "0" for a profile never saved and refuses any other version with 412 and the current one', async () => {
    const a = person(['reporters']);
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '"1"'))).toEqual({
      status: 412,
      title: 'Precondition Failed',
      detail: 'The profile has changed since you read it.',
      currentVersion: 0,
    });
    expect(await storedItem(a.id)).toBeUndefined();
    expect(await saveProfile(deps, a, a.id, () => fields, '"0"')).toMatchObject({ version: 1 });
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '"0"'))).toMatchObject({ status: 412, currentVersion: 1 });
    expect(await saveProfile(deps, a, a.id, () => ({ ...fields, bio: 'Two' }), '"1"')).toMatchObject({ version: 2, bio: 'Two' });
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '"1"'))).toMatchObject({ status: 412, currentVersion: 2 });
    expect(await store.get(a.id)).toMatchObject({ version: 2, bio: 'Two' });
  });

  it('takes * only for a profile that was saved', async () => {
    const a = person(['reporters']);
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '*'))).toMatchObject({ status: 412, currentVersion: 0 });
    expect(await storedItem(a.id)).toBeUndefined();
    await saveProfile(deps, a, a.id, () => fields, undefined);
    expect(await saveProfile(deps, a, a.id, () => fields, '*')).toMatchObject({ version: 2 });
  });

  it('takes a list when any of its tags names the version, with white space around them, and weak tags as strong', async () => {
    const a = person(['reporters']);
    await saveProfile(deps, a, a.id, () => fields, undefined);
    await saveProfile(deps, a, a.id, () => fields, undefined);
    expect(await saveProfile(deps, a, a.id, () => fields, '"7", "2"')).toMatchObject({ version: 3 });
    expect(await saveProfile(deps, a, a.id, () => fields, 'W/"3"')).toMatchObject({ version: 4 });
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '"1","2","3"'))).toMatchObject({ status: 412, currentVersion: 4 });
    // A well-formed tag that is no version, or one with W/ inside its quotes, is simply not the current one.
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '"abc"'))).toMatchObject({ status: 412, currentVersion: 4 });
    expect(await problemOf(saveProfile(deps, a, a.id, () => fields, '"W/4"'))).toMatchObject({ status: 412, currentVersion: 4 });
    expect(await store.get(a.id)).toMatchObject({ version: 4 });
  });

  it('answers a tag that is not quoted with a 400 that shows the quoted form', async () => {
    const a = person(['reporters']);
    await saveProfile(deps, a, a.id, () => fields, undefined);
    for (const [sent, shown] of [
      ['1', '1'],
      ['abc"1"', 'abc1'],
      ['"1"x', '1x'],
      ['"1", 2', '2'],
    ] as const) {
      const message = `ETags are quoted: If-Match: "${shown}"`;
      expect(await problemOf(saveProfile(deps, a, a.id, () => fields, sent))).toEqual({
        status: 400,
        title: 'Bad Request',
        detail: message,
        errors: [{ pointer: '/headers/If-Match', message }],
      });
    }
    expect(await store.get(a.id)).toMatchObject({ version: 1 });
  });
});

/** The real store, with another save landing just before each of this caller's writes (`races` times). */
function racingStore(competitor: Profile, races: number): ProfileStore & { puts: number } {
  let left = races;
  const racing = {
    puts: 0,
    get: (userId: string) => store.get(userId),
    async put(profile: Profile, expected: number) {
      racing.puts++;
      if (left-- > 0) {
        const now = (await store.get(profile.userId))?.version ?? 0;
        await store.put({ ...competitor, version: now + 1 }, now);
      }
      return store.put(profile, expected);
    },
  };
  return racing;
}

describe('saves that race', () => {
  it('without If-Match, puts the save on top of one that got there first', async () => {
    const a = person(['reporters']);
    await saveProfile(deps, a, a.id, () => fields, undefined);
    const profiles = racingStore({ userId: a.id, ...fields, name: 'The other save', updatedAt: NOW, version: 0 }, 1);
    const saved = await saveProfile({ ...deps, profiles }, a, a.id, () => ({ ...fields, name: 'Mine' }), undefined);
    expect(saved).toEqual({ userId: a.id, ...fields, name: 'Mine', updatedAt: NOW, version: 3 });
    expect(await store.get(a.id)).toEqual(saved);
    expect(profiles.puts).toBe(2);
  });

  it('with If-Match, refuses the save once another got there first', async () => {
    const a = person(['reporters']);
    await saveProfile(deps, a, a.id, () => fields, undefined);
    const profiles = racingStore({ userId: a.id, ...fields, name: 'The other save', updatedAt: NOW, version: 0 }, 1);
    expect(await problemOf(saveProfile({ ...deps, profiles }, a, a.id, () => ({ ...fields, name: 'Mine' }), '"1"'))).toMatchObject({
      status: 412,
      currentVersion: 2,
    });
    expect(await store.get(a.id)).toMatchObject({ name: 'The other save', version: 2 });
  });

  it('gives up with 412 after six writes that all lost a race', async () => {
    const a = person(['reporters']);
    const profiles = racingStore({ userId: a.id, ...fields, name: 'The other save', updatedAt: NOW, version: 0 }, 100);
    expect(await problemOf(saveProfile({ ...deps, profiles }, a, a.id, () => ({ ...fields, name: 'Mine' }), undefined))).toMatchObject({
      status: 412,
      currentVersion: 5,
    });
    expect(profiles.puts).toBe(6);
    expect(await store.get(a.id)).toMatchObject({ name: 'The other save', version: 6 });
  });
});
