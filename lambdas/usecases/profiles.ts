import * as v from 'valibot';
import type { Actor } from '../domain/article.js';
import { badInput, forbidden, notFound, ProblemError } from '../domain/errors.js';
import { defaultProfile, isStaff, isUserId, mayProfile, PROFILE_LIMITS, whoMayProfile, type Profile } from '../domain/profile.js';
import type { Input } from './articles.js';
import { nonBlank, parseInput, text } from './schemas.js';

/** A whole profile, as PUT replaces it: every field is sent, `bio` and `function` may be empty. */
export const EditProfile = /* @__PURE__ */ (() =>
  v.strictObject({
    name: nonBlank(PROFILE_LIMITS.name.max),
    bio: text(PROFILE_LIMITS.bio.max),
    function: text(PROFILE_LIMITS.function.max),
  }))();

/** Where profiles are kept. */
export interface ProfileStore {
  /** The stored profile, read strongly consistently; undefined when it was never saved. */
  get(userId: string): Promise<Profile | undefined>;
  /** Stores `profile` if the stored one is still at version `expected` (0: none stored); false when another save got there first. */
  put(profile: Profile, expected: number): Promise<boolean>;
}

export interface ProfileDeps {
  profiles: ProfileStore;
  now: () => Date;
}

const noSuchProfile = () => notFound('No such profile: a profile exists once its owner saves it with PUT /profiles/me.');

const profileChanged = (currentVersion: number) =>
  new ProblemError(412, 'Precondition Failed', 'The profile has changed since you read it.', { currentVersion });

/** Members of staff only: anyone else has no profile and reads none (403). */
function requireStaff(actor: Actor, action: 'read' | 'edit', whose: 'own' | 'anyone'): void {
  if (!isStaff(actor)) throw forbidden(whoMayProfile(action, whose));
}

/** The caller's own profile; before they ever save one, its defaults (their name from the token), not stored. */
export async function myProfile(deps: ProfileDeps, actor: Actor): Promise<Profile> {
  requireStaff(actor, 'read', 'own');
  return (await deps.profiles.get(actor.id)) ?? defaultProfile(actor);
}

/** Anyone's stored profile, for any member of staff; 404 when it was never saved. */
export async function readProfile(deps: ProfileDeps, actor: Actor, userId: string): Promise<Profile> {
  requireStaff(actor, 'read', 'anyone');
  const profile = isUserId(userId) ? await deps.profiles.get(userId) : undefined;
  if (!profile) throw noSuchProfile();
  return profile;
}

/**
 * Replaces a profile. The caller's own is created on its first save; someone else's must exist
 * (404), and only chief editors may edit it (403). `If-Match`, when sent, must name the version
 * read (412 otherwise; `"0"` is the one never saved). Without it the last save wins.
 */
export async function saveProfile(
  deps: ProfileDeps,
  actor: Actor,
  userId: string,
  input: Input,
  ifMatch: string | undefined,
): Promise<Profile> {
  const own = userId === actor.id;
  requireStaff(actor, 'edit', own ? 'own' : 'anyone');
  if (!own && !isUserId(userId)) throw noSuchProfile();
  let current = await deps.profiles.get(userId);
  if (!own && !current) throw noSuchProfile();
  if (!mayProfile(actor, 'edit', userId)) throw forbidden(whoMayProfile('edit', own ? 'own' : 'anyone'));
  const fields = parseInput(EditProfile, input());
  const tags = ifMatchTags(ifMatch);
  for (let attempt = 0; ; attempt++) {
    const version = current?.version ?? 0;
    if (tags && !tags.some((t) => (t === '*' ? version > 0 : t === `"${version}"`))) throw profileChanged(version);
    const next: Profile = { userId, ...fields, updatedAt: deps.now().toISOString(), version: version + 1 };
    if (await deps.profiles.put(next, version)) return next;
    // Another save got there first: an If-Match now fails against it; without one, this save goes on top.
    if (attempt >= 5) throw profileChanged(version);
    current = await deps.profiles.get(userId);
  }
}

/** The entity tags of If-Match, weak prefix dropped; undefined without the header. Unquoted ones are a 400 that shows the quoted form. */
function ifMatchTags(ifMatch: string | undefined): string[] | undefined {
  if (ifMatch === undefined) return undefined;
  return ifMatch.split(',').map((tag) => {
    const t = tag.trim();
    if (t !== '*' && !/^(W\/)?"[^"]*"$/.test(t))
      throw badInput('/headers/If-Match', `ETags are quoted: If-Match: "${t.replace(/"/g, '')}"`);
    return t.replace(/^W\//, '');
  });
}
