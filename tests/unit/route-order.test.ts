import { describe, expect, it } from '@jest/globals';
import { GATEWAY_ROUTES } from '../../lambdas/http/routes.js';

const pattern = (path: string) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);

describe('the route table’s order', () => {
  it('lists a literal path before any path with a variable that would also match it, as API Gateway prefers the literal', () => {
    // The local gateway takes the first route that matches: `GET /profiles/me` must not reach `GET /profiles/{userId}`.
    const misordered: string[] = [];
    GATEWAY_ROUTES.forEach((literal, i) => {
      GATEWAY_ROUTES.slice(0, i).forEach((earlier) => {
        if (earlier.method === literal.method && earlier.path !== literal.path && pattern(earlier.path).test(literal.path)) {
          misordered.push(`${literal.method} ${literal.path} comes after ${earlier.method} ${earlier.path}`);
        }
      });
    });
    expect(misordered).toEqual([]);
    expect(GATEWAY_ROUTES.some((r) => r.path === '/profiles/me')).toBe(true);
  });
});
