import { describe, expect, it } from '@jest/globals';
import { formatRequest } from '../../local/request-log.js';

describe('a request log line', () => {
  const at = new Date('2026-11-25T21:05:09.123Z');

  it('reads time, method, path, status, milliseconds and caller', () => {
    expect(formatRequest({ method: 'POST', path: '/articles/a1/approve', status: 200, ms: 12.6, caller: 'carla' }, at)).toBe(
      '21:05:09.123 POST /articles/a1/approve 200 13 ms carla',
    );
  });

  it('shows a refused token’s reason, and "aborted" for a connection closed before an answer', () => {
    expect(formatRequest({ method: 'GET', path: '/articles', status: 401, ms: 1, refusal: 'the token has expired' }, at)).toBe(
      '21:05:09.123 GET /articles 401 1 ms -  (the token has expired)',
    );
    expect(formatRequest({ method: 'POST', path: '/articles', status: 0, ms: 30_000 }, at)).toBe(
      '21:05:09.123 POST /articles aborted 30000 ms -',
    );
  });

  it('cannot be split into forged lines by a caller id or path, and keeps long paths short', () => {
    const line = formatRequest(
      { method: 'GET', path: `/a\n${'x'.repeat(300)}`, status: 404, ms: 2, caller: 'rita\n21:05:09.999 POST /x 200 1 ms carla' },
      at,
    );
    expect(line).not.toContain('\n');
    expect(line).toContain('rita\\u000a21:05:09.999');
    expect(line).toContain('/a\\u000axxx');
    expect(line.length).toBeLessThan(320);
  });
});
