import { GROUPS, type Actor, type Group } from './article.js';

/**
 * An author's profile: the name, short bio and function (job title) readers see in the author
 * box of an article page. Kept apart from articles: a page shows the profile as it was when the
 * page was last rendered.
 */
export interface Profile {
  userId: string;
  name: string;
  bio: string;
  function: string;
  /** When it was last saved; null while it has never been. */
  updatedAt: string | null;
  /** 0 while it has never been saved; each save adds one. Its ETag is this number, quoted. */
  version: number;
}

/** Lengths in code points, as every text field of the newsroom counts them. */
export const PROFILE_LIMITS = {
  name: { min: 1, max: 100 },
  bio: { max: 500 },
  function: { max: 100 },
  /**
   * A user id in a path: what a token's `sub` can be. Cognito's are UUIDs; its user names allow at
   * most 128 letters, marks, symbols, digits and punctuation, and no white space.
   */
  userId: { max: 128 },
} as const;

const USER_ID = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/** True when `s` could be a user's id; anything else names nobody (404). */
export const isUserId = (s: string) => USER_ID.test(s);

export type ProfileAction = 'read' | 'edit';

export interface ProfileRule {
  action: ProfileAction;
  /** `own`: the caller's own profile; `anyone`: anybody's, theirs included. */
  whose: 'own' | 'anyone';
  by: readonly Group[];
}

/** Who may do what with whose profile: every member of staff reads any and edits their own; chief editors edit anyone's. */
export const PROFILE_RULES: readonly ProfileRule[] = [
  { action: 'read', whose: 'anyone', by: GROUPS },
  { action: 'edit', whose: 'own', by: GROUPS },
  { action: 'edit', whose: 'anyone', by: ['chief-editors'] },
];

/** Whether `actor` may take `action` on the profile of `userId`, by the rules. */
export function mayProfile(actor: Actor, action: ProfileAction, userId: string): boolean {
  const own = actor.id === userId;
  return PROFILE_RULES.some((r) => r.action === action && (r.whose === 'anyone' || own) && r.by.some((g) => actor.groups.includes(g)));
}

/** True for members of staff: someone in at least one group that may do anything with profiles. */
export const isStaff = (actor: Actor) => PROFILE_RULES.some((r) => r.by.some((g) => actor.groups.includes(g)));

const NAMES: Record<Group, string> = { reporters: 'reporters', editors: 'editors', 'chief-editors': 'chief editors' };
const listed = (xs: string[]) => xs.join(', ').replace(/, ([^,]*)$/, ' and $1');

/**
 * The 403 for a profile action, from the rules: who may do it to a profile that is not
 * theirs ("Only chief editors may edit someone else’s profile."), or to their own.
 */
export function whoMayProfile(action: ProfileAction, whose: 'own' | 'anyone'): string {
  const groups = new Set(
    PROFILE_RULES.filter((r) => r.action === action && (whose === 'own' || r.whose === 'anyone')).flatMap((r) => r.by),
  );
  const what = whose === 'own' ? `${action} their own profile` : `${action} someone else’s profile`;
  return `Only ${listed(GROUPS.filter((g) => groups.has(g)).map((g) => NAMES[g]))} may ${what}.`;
}

/**
 * The caller's profile before they ever save one: their name from the token (cut to the name's
 * limit), no bio and no function. It is not stored until they save it.
 */
export function defaultProfile(actor: Actor): Profile {
  const name = [...actor.name.normalize('NFC')].slice(0, PROFILE_LIMITS.name.max).join('');
  return { userId: actor.id, name, bio: '', function: '', updatedAt: null, version: 0 };
}
