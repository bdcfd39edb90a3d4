import { httpApi } from '../http/api.js';
import { json } from '../http/responses.js';
import { mediaDeps as deps } from '../store/media-clients.js';
import { attachMedia, deleteMedia, describeMedia, listMedia } from '../usecases/media.js';

/** Media attached to articles: declare an upload, list files, describe one, remove one. */
export const handler = httpApi({
  'POST /articles/{id}/media': async ({ actor, params, input }) => {
    const { media, upload } = await attachMedia(deps, actor, params.id!, input);
    return json(201, { ...media, upload });
  },
  'GET /articles/{id}/media': async ({ actor, params }) => json(200, { items: await listMedia(deps, actor, params.id!) }),
  'PATCH /articles/{id}/media/{mediaId}': async ({ actor, params, input }) =>
    json(200, await describeMedia(deps, actor, params.id!, params.mediaId!, input)),
  'DELETE /articles/{id}/media/{mediaId}': async ({ actor, params }) => {
    await deleteMedia(deps, actor, params.id!, params.mediaId!);
    return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  },
});
