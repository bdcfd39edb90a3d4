import { describe, expect, it } from '@jest/globals';
import { PROFILE_LIMITS } from '../../lambdas/domain/profile.js';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';

const doc = buildOpenApiDocument() as any;

describe('the profile routes in the OpenAPI document', () => {
  it('describes the body PUT takes with the schema it validates with: strict, every field required, limits in code points', () => {
    const edit = doc.components.schemas.EditProfile;
    expect(edit).toMatchObject({ type: 'object', required: ['name', 'bio', 'function'], additionalProperties: false });
    expect(edit.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: PROFILE_LIMITS.name.max });
    expect(edit.properties.bio.maxLength).toBe(PROFILE_LIMITS.bio.max);
    expect(edit.properties.bio.minLength).toBeUndefined();
    expect(edit.properties.function.maxLength).toBe(PROFILE_LIMITS.function.max);
    for (const path of ['/profiles/me', '/profiles/{userId}']) {
      expect(doc.paths[path].put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/EditProfile' });
      expect(doc.paths[path].put.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: false }));
      expect(Object.keys(doc.paths[path].put.responses['200'].headers)).toEqual(['ETag']);
    }
  });

  it('says that your profile is not stored until you save it, and which answers each route gives', () => {
    expect(doc.paths['/profiles/me'].get.description).toMatch(/not stored/);
    expect(Object.keys(doc.paths['/profiles/me'].get.responses)).not.toContain('404');
    expect(Object.keys(doc.paths['/profiles/{userId}'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
    expect(Object.keys(doc.paths['/profiles/{userId}'].put.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '412']),
    );
    expect(doc.paths['/profiles/{userId}'].get.parameters).toContainEqual(expect.objectContaining({ name: 'userId', in: 'path' }));
    expect(doc.components.schemas.Profile.required).toEqual(['userId', 'name', 'bio', 'function', 'updatedAt', 'version']);
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain('Profiles');
  });
});
