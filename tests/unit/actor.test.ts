import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { actorFromClaims } from '../../lambdas/http/actor.js';
import { cognitoClaims } from '../support/apigw-event.js';

/** A Cognito access token's claims as the HTTP API JWT authorizer passes them on (it accepts them: client_id matches). */
const accessTokenClaims = {
  sub: 'a1b2c3d4-0000-4000-8000-000000000001',
  'cognito:groups': '[chief-editors]',
  iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example',
  client_id: '4example1client2id3',
  origin_jti: 'b5a9f7e2-0000-4000-8000-000000000002',
  event_id: 'c7d8e9f0-0000-4000-8000-000000000003',
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin',
  auth_time: '1795611000',
  exp: '1795614600',
  iat: '1795611000',
  jti: 'd1e2f3a4-0000-4000-8000-000000000004',
  username: 'a1b2c3d4-0000-4000-8000-000000000001',
};

const statusOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as ProblemError).statusCode;
  }
  return 'accepted';
};

describe('who the caller is', () => {
  it('is read from a Cognito ID token: sub, name and groups', () => {
    expect(actorFromClaims(cognitoClaims('carla', ['chief-editors'], 'Carla Chief'))).toEqual({
      id: 'carla',
      name: 'Carla Chief',
      groups: ['chief-editors'],
    });
  });

  it('refuses a Cognito access token with 401, although the gateway lets it through', () => {
    expect(statusOf(() => actorFromClaims(accessTokenClaims))).toBe(401);
  });

  it('refuses a token that does not say what it is', () => {
    const { token_use: _, ...unmarked } = cognitoClaims('carla', ['chief-editors'], 'Carla Chief');
    expect(statusOf(() => actorFromClaims(unmarked))).toBe(401);
    expect(statusOf(() => actorFromClaims({ ...unmarked, token_use: 'ID' }))).toBe(401);
  });
});
