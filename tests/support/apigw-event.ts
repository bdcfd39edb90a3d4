/**
 * An API Gateway HTTP API payload v2.0 event as AWS documents it, with the JWT
 * authorizer's claims (every claim a string; arrays as "[a b]").
 */
export function httpApiEvent(opts: {
  method: string;
  path: string;
  routePath: string;
  pathParameters?: Record<string, string>;
  claims?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}) {
  const routeKey = `${opts.method} ${opts.routePath}`;
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return {
    version: '2.0',
    routeKey,
    rawPath: opts.path,
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      'content-length': String(body?.length ?? 0),
      'content-type': 'application/json',
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'curl/8.5.0',
      'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...opts.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      authorizer: opts.claims ? { jwt: { claims: opts.claims, scopes: null } } : undefined,
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: opts.method, path: opts.path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey,
      stage: '$default',
      time: '25/Nov/2026:13:00:00 +0000',
      timeEpoch: 1795611600000,
    },
    pathParameters: opts.pathParameters,
    body,
    isBase64Encoded: false,
  };
}

/** Claims from a Cognito ID token, as the HTTP API JWT authorizer passes them on. */
export function cognitoClaims(sub: string, groups: string[], name: string): Record<string, string> {
  return {
    sub,
    'cognito:groups': `[${groups.join(' ')}]`,
    'cognito:username': sub,
    name,
    email_verified: 'true',
    iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example',
    aud: '4example1client2id3',
    token_use: 'id',
    auth_time: '1795611000',
    iat: '1795611000',
    exp: '1795614600',
  };
}
