/**
 * How the command line ends: 0 done, 1 the API refused, 2 a usage error (including a file that
 * cannot be filed), 3 the newsroom cannot be reached or the token is missing or expired.
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the command line explains in words on stderr and ends with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    /** The API's own JSON, printed on stdout under --json. */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT.usage);
export const unreachable = (message: string) => new CliError(message, EXIT.unreachable);

/** A problem+json body, or API Gateway's `{ message, reason? }`. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  currentStatus?: string;
  currentVersion?: number;
  errors?: { pointer: string; message: string }[];
  message?: string;
  reason?: string;
  [key: string]: unknown;
}

/** The words for a refusal: the problem's title and detail, and what else it gives. */
export function describeProblem(status: number, problem: Problem | undefined): string {
  if (!problem || typeof problem !== 'object') return `The newsroom answered ${status}.`;
  const lines: string[] = [];
  if (problem.title) lines.push(problem.detail && problem.detail !== problem.title ? `${problem.title}: ${problem.detail}` : problem.title);
  else if (problem.message) lines.push(problem.reason ? `${problem.message}: ${problem.reason}` : problem.message);
  else lines.push(`The newsroom answered ${status}.`);
  if (problem.currentStatus) lines.push(`  current status: ${problem.currentStatus}`);
  if (problem.currentVersion !== undefined) lines.push(`  current version: ${problem.currentVersion}`);
  for (const e of problem.errors ?? []) {
    // The detail joins the messages already; name where each one points when there are several.
    if ((problem.errors?.length ?? 0) > 1 || !problem.detail?.includes(e.message)) lines.push(`  ${e.pointer || '(body)'}: ${e.message}`);
  }
  return lines.join('\n');
}
