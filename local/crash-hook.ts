import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * A fault for the end-to-end tests, never part of a Lambda bundle: with
 * `NEWSROOM_TEST_CRASH_AFTER_KEYED_WRITE=1` the local newsroom kills itself (SIGKILL) right after
 * DynamoDB has accepted a keyed transition, before the caller gets an answer. That is the one
 * moment a retry must be told what its first attempt did.
 */
export function crashAfterKeyedTransitions(db: DynamoDBDocumentClient): void {
  db.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const names = (args.input as { ExpressionAttributeNames?: Record<string, string> }).ExpressionAttributeNames ?? {};
      if (Object.values(names).includes('appliedKeys') && 'UpdateExpression' in (args.input as object)) {
        process.kill(process.pid, 'SIGKILL');
      }
      return result;
    },
    { step: 'initialize', name: 'newsroomTestCrashAfterKeyedWrite' },
  );
}
