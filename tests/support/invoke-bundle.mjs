// Loads a bundled Lambda handler with plain Node (no TypeScript, no test runner) and
// invokes it once with the event read from stdin, printing the result as JSON.
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { handler } = await import(pathToFileURL(bundle).href);
const context = {
  functionName: 'bundle-test',
  awsRequestId: 'bundle-test-request',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bundle-test',
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 10_000,
};
const result = await handler(JSON.parse(input), context);
process.stdout.write(JSON.stringify(result ?? null), () => process.exit(0));
