import { describe, expect, it } from '@jest/globals';
import {
  badInput,
  badRequest,
  conflict,
  forbidden,
  invalidInput,
  keyReused,
  notFound,
  payloadTooLarge,
  preconditionFailed,
  preconditionRequired,
  ProblemError,
  unauthorized,
  unsupportedMediaType,
} from '../../lambdas/domain/errors.js';
import { problemResponse } from '../../lambdas/http/problem.js';

/** The problem+json body a client receives for a refusal. */
const body = (err: ProblemError) => JSON.parse(problemResponse(err).body as string);

describe('every refusal the newsroom explains, as a client reads it', () => {
  // Each refusal is made inside its test, so a mutation run credits the test with the code it reaches.
  it.each<[string, () => ProblemError, Record<string, unknown>]>([
    [
      'no or a bad bearer token',
      () => unauthorized(),
      { type: 'urn:newsroom:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'A valid bearer token is required.' },
    ],
    [
      'a token that ran out',
      () => unauthorized('The token has expired.'),
      { type: 'urn:newsroom:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'The token has expired.' },
    ],
    [
      'a caller who may not',
      () => forbidden('Only chief editors may approve.'),
      { type: 'urn:newsroom:problem:forbidden', title: 'Forbidden', status: 403, detail: 'Only chief editors may approve.' },
    ],
    [
      'an article that is not there',
      () => notFound(),
      { type: 'urn:newsroom:problem:not-found', title: 'Not Found', status: 404, detail: 'No such article.' },
    ],
    [
      'anything else that is not there',
      () => notFound('No such comment.'),
      { type: 'urn:newsroom:problem:not-found', title: 'Not Found', status: 404, detail: 'No such comment.' },
    ],
    [
      'a malformed request',
      () => badRequest('The cursor is not one this list gave out.'),
      { type: 'urn:newsroom:problem:bad-request', title: 'Bad Request', status: 400, detail: 'The cursor is not one this list gave out.' },
    ],
    [
      'a malformed request, with details',
      () => badRequest('Too many.', { limit: 3 }),
      { type: 'urn:newsroom:problem:bad-request', title: 'Bad Request', status: 400, detail: 'Too many.', limit: 3 },
    ],
    [
      'several problems with the input',
      () =>
        invalidInput([
          { pointer: '/headline', message: '`headline` is required.' },
          { pointer: '/query/limit', message: '`limit` must be a whole number.' },
        ]),
      {
        type: 'urn:newsroom:problem:bad-request',
        title: 'Bad Request',
        status: 400,
        detail: '`headline` is required. `limit` must be a whole number.',
        errors: [
          { pointer: '/headline', message: '`headline` is required.' },
          { pointer: '/query/limit', message: '`limit` must be a whole number.' },
        ],
      },
    ],
    [
      'one problem with the input',
      () => badInput('', 'The request body is not valid JSON.'),
      {
        type: 'urn:newsroom:problem:bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'The request body is not valid JSON.',
        errors: [{ pointer: '', message: 'The request body is not valid JSON.' }],
      },
    ],
    [
      'an action that does not fit now',
      () => conflict('You cannot approve it while it is draft.', { allowedActions: ['edit'] }),
      {
        type: 'urn:newsroom:problem:conflict',
        title: 'Conflict',
        status: 409,
        detail: 'You cannot approve it while it is draft.',
        allowedActions: ['edit'],
      },
    ],
    [
      'a stale If-Match',
      () => preconditionFailed(7),
      {
        type: 'urn:newsroom:problem:precondition-failed',
        title: 'Precondition Failed',
        status: 412,
        detail: 'The article has changed since you read it.',
        currentVersion: 7,
      },
    ],
    [
      'a missing If-Match',
      () => preconditionRequired(),
      {
        type: 'urn:newsroom:problem:precondition-required',
        title: 'Precondition Required',
        status: 428,
        detail: 'Send If-Match with the ETag you last read.',
        errors: [{ pointer: '/headers/If-Match', message: 'Send If-Match with the ETag you last read.' }],
      },
    ],
    [
      'an If-Match that is not an ETag',
      () => preconditionRequired('If-Match must be an ETag such as "3".'),
      {
        type: 'urn:newsroom:problem:precondition-required',
        title: 'Precondition Required',
        status: 428,
        detail: 'If-Match must be an ETag such as "3".',
        errors: [{ pointer: '/headers/If-Match', message: 'If-Match must be an ETag such as "3".' }],
      },
    ],
    [
      'an Idempotency-Key used for another request',
      () => keyReused(),
      {
        type: 'urn:newsroom:problem:unprocessable-content',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'This Idempotency-Key was used with a different request.',
        errors: [{ pointer: '/headers/Idempotency-Key', message: 'This Idempotency-Key was used with a different request.' }],
      },
    ],
    [
      'an Idempotency-Key that is malformed',
      () => keyReused('An Idempotency-Key is 1 to 255 printable characters.'),
      {
        type: 'urn:newsroom:problem:unprocessable-content',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'An Idempotency-Key is 1 to 255 printable characters.',
        errors: [{ pointer: '/headers/Idempotency-Key', message: 'An Idempotency-Key is 1 to 255 printable characters.' }],
      },
    ],
    [
      'a request body over the limit',
      () => payloadTooLarge(1048576),
      {
        type: 'urn:newsroom:problem:payload-too-large',
        title: 'Payload Too Large',
        status: 413,
        detail: 'Request bodies are limited to 1048576 bytes.',
        limit: 1048576,
      },
    ],
    [
      'a request body that is not JSON',
      () => unsupportedMediaType(),
      {
        type: 'urn:newsroom:problem:unsupported-media-type',
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'Send the request body as application/json.',
      },
    ],
  ])('%s', (_case, make, expected) => {
    const err = make();
    const response = problemResponse(err);
    expect(response.statusCode).toBe(expected.status);
    expect(response.headers).toEqual({ 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
    expect(body(err)).toEqual(expected);
  });

  it('names itself as a refusal wherever it is logged or reported', () => {
    const err = notFound('No such comment.');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ProblemError');
    expect(String(err)).toBe('ProblemError: No such comment.');
  });
});
