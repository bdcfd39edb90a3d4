/**
 * What a local 401 tells a newcomer: why the token was refused (in the words of API Gateway's
 * JWT authorizer, as `www-authenticate` carries them) and what to do about it.
 */
export function explainRefusal(refusal: string): string {
  if (!refusal) return 'no token was sent: add -H "Authorization: Bearer $TOKEN", with a token from npm run token';
  if (refusal === 'the token has expired') return `${refusal}: mint a new one with npm run token (--ttl sets its lifetime)`;
  if (refusal === 'the token signature is invalid')
    return `${refusal}: it was signed by another key (another data directory's, or not by npm run token); mint one with npm run token while this newsroom runs, or with NEWSROOM_DATA_DIR set to its data directory`;
  if (refusal === 'the token is malformed')
    return `${refusal}: send "Authorization: Bearer <token>" with the token npm run token printed, whole`;
  return `${refusal}: mint tokens for this newsroom with npm run token`;
}
