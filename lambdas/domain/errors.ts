/**
 * Errors the newsroom can explain to a caller. Each carries its HTTP status so one
 * error handler can render RFC 7807 problem+json; anything else is a 500 with no details.
 */
export class ProblemError extends Error {
  constructor(
    readonly statusCode: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export const unauthorized = (detail = 'A valid bearer token is required.') => new ProblemError(401, 'Unauthorized', detail);

export const forbidden = (detail: string) => new ProblemError(403, 'Forbidden', detail);

export const notFound = (detail = 'No such article.') => new ProblemError(404, 'Not Found', detail);

export const badRequest = (detail: string, extra: Record<string, unknown> = {}) => new ProblemError(400, 'Bad Request', detail, extra);

/**
 * One problem with the request's input. `pointer` is a JSON Pointer (RFC 6901) into the request
 * body (`/headline`, `/tags/2`); query parameters and headers, which are not in the body, are
 * `/query/<name>` and `/headers/<Name>` (no body field is called `query` or `headers`).
 */
export interface InputError {
  pointer: string;
  message: string;
}

/** 400 for input that does not meet its contract: each problem in `errors`, all of them in `detail`. */
export const invalidInput = (errors: InputError[]) => badRequest(errors.map((e) => e.message).join(' '), { errors });

/** 400 for one problem with one piece of input. */
export const badInput = (pointer: string, message: string) => invalidInput([{ pointer, message }]);

export const conflict = (detail: string, extra: Record<string, unknown> = {}) => new ProblemError(409, 'Conflict', detail, extra);

export const preconditionFailed = (currentVersion: number) =>
  new ProblemError(412, 'Precondition Failed', 'The article has changed since you read it.', {
    currentVersion,
  });

export const preconditionRequired = (detail = 'Send If-Match with the ETag you last read.') =>
  new ProblemError(428, 'Precondition Required', detail, { errors: [{ pointer: '/headers/If-Match', message: detail }] });

/** 422: an Idempotency-Key already stands for a different request. */
export const keyReused = (detail = 'This Idempotency-Key was used with a different request.') =>
  new ProblemError(422, 'Unprocessable Content', detail, { errors: [{ pointer: '/headers/Idempotency-Key', message: detail }] });

export const payloadTooLarge = (limit: number) =>
  new ProblemError(413, 'Payload Too Large', `Request bodies are limited to ${limit} bytes.`, { limit });

export const unsupportedMediaType = () => new ProblemError(415, 'Unsupported Media Type', 'Send the request body as application/json.');
