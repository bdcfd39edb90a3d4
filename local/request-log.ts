/**
 * The local newsroom's request log: one line per request, like other local API servers print.
 * Only what identifies the request is shown: the method, the path without its query (a query
 * may carry a cursor or anything a client put there), the status, the time taken and the
 * caller's id. Never headers, tokens or bodies.
 */
export interface RequestRecord {
  method: string;
  path: string;
  /** 0 when the connection closed before an answer was sent. */
  status: number;
  ms: number;
  /** The verified token's subject; undefined for a request without an accepted token. */
  caller?: string;
  /** Why the gateway refused the token, for a 401. */
  refusal?: string;
}

const MAX_PATH = 200;

export function formatRequest(r: RequestRecord, at = new Date()): string {
  const time = at.toISOString().slice(11, 23);
  const path = r.path.length > MAX_PATH ? `${r.path.slice(0, MAX_PATH)}…` : r.path;
  const status = r.status === 0 ? 'aborted' : String(r.status);
  const caller = r.caller ? safe(r.caller) : '-';
  const why = r.refusal ? `  (${r.refusal})` : '';
  return `${time} ${r.method} ${safe(path)} ${status} ${Math.round(r.ms)} ms ${caller}${why}`;
}

/** Control characters (a newline in a forged `sub`) could forge log lines: they are shown escaped. */
const safe = (s: string) =>
  s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
