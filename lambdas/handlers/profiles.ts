import type { Profile } from '../domain/profile.js';
import { httpApi } from '../http/api.js';
import { etag, json } from '../http/responses.js';
import { documentClient, tableName } from '../store/clients.js';
import { DynamoProfileStore } from '../store/profiles.js';
import { myProfile, readProfile, saveProfile, type ProfileDeps } from '../usecases/profiles.js';

const deps: ProfileDeps = { profiles: new DynamoProfileStore(documentClient, tableName), now: () => new Date() };

const profileResponse = (profile: Profile) => json(200, profile, { etag: etag(profile) });

/** Author profiles: every member of staff reads anyone's and edits their own; chief editors edit anyone's. */
export const handler = httpApi({
  'GET /profiles/me': async ({ actor }) => profileResponse(await myProfile(deps, actor)),
  'PUT /profiles/me': async ({ actor, input, header }) =>
    profileResponse(await saveProfile(deps, actor, actor.id, input, header('if-match'))),
  'GET /profiles/{userId}': async ({ actor, params }) => profileResponse(await readProfile(deps, actor, params.userId!)),
  'PUT /profiles/{userId}': async ({ actor, params, input, header }) =>
    profileResponse(await saveProfile(deps, actor, params.userId!, input, header('if-match'))),
});
