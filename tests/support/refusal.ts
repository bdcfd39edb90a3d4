import { ProblemError } from '../../lambdas/domain/errors.js';

/** What a use case refused with (status, detail, extra members), or status 200 when it did not refuse. */
export async function refusal(p: Promise<unknown>): Promise<{ status: number; detail: string; extra: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, detail: err.message, extra: err.extra };
    throw err;
  }
  return { status: 200, detail: '', extra: {} };
}

/** The status a use case answered with: its refusal's, or 200 when it did not refuse. */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  return (await refusal(p)).status;
}

/** The problem a call ends in: status, title, detail and extra members, as problem+json shows them; fails if it did not refuse. */
export async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, title: err.title, detail: err.message, ...err.extra };
    throw err;
  }
  throw new Error('expected a problem, got a result');
}
