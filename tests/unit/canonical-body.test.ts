import { describe, expect, it } from '@jest/globals';
import { canonicalBody } from '../../lambdas/http/idempotency.js';

describe('an Idempotency-Key compares what a request means, not its bytes', () => {
  it('the same JSON with other spacing or key order is the same request', () => {
    const compact = canonicalBody('{"publishAt":"2027-01-01T06:00:00Z","note":{"b":1,"a":[2,{"y":0,"x":1}]}}');
    expect(canonicalBody(' {\n  "note": { "a": [2, {"x": 1, "y": 0}], "b": 1 },\n  "publishAt": "2027-01-01T06:00:00Z"\n} ')).toBe(compact);
  });

  it('a different value, array order or type is a different request', () => {
    const base = canonicalBody('{"tags":["a","b"],"n":1}');
    expect(canonicalBody('{"tags":["b","a"],"n":1}')).not.toBe(base);
    expect(canonicalBody('{"tags":["a","b"],"n":"1"}')).not.toBe(base);
    expect(canonicalBody('{"tags":["a","b"],"n":1,"extra":null}')).not.toBe(base);
  });

  it('a body that is not JSON is compared as sent', () => {
    expect(canonicalBody('{not json')).toBe('{not json');
    expect(canonicalBody('')).toBe('');
  });
});
