import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';

/**
 * What the stateful stack hands to the app stack. It travels through SSM parameters rather
 * than CloudFormation exports: an export cannot change while another stack imports it, so a
 * change that replaces a value (the table's stream ARN when the stream is re-created, say)
 * would need a two-step deploy. A parameter is read afresh on every deploy of the app stack.
 */
export const SHARED_VALUES = [
  'tableName',
  'tableStreamArn',
  'mediaBucketName',
  'mediaBucketArn',
  'userPoolId',
  'userPoolClientId',
] as const;
export type SharedValue = (typeof SHARED_VALUES)[number];

/** Where the values live: one parameter each under `/<stateful stack name>/`. */
export interface SharedParameters {
  prefix: string;
}

export const parameterName = (shared: SharedParameters, value: SharedValue) => `${shared.prefix}/${value}`;

export function publishSharedValues(scope: Construct, shared: SharedParameters, values: Record<SharedValue, string>): void {
  for (const value of SHARED_VALUES) {
    new StringParameter(scope, `Shared-${value}`, {
      parameterName: parameterName(shared, value),
      stringValue: values[value],
      description: `Newsroom ${value}, read by the app stack at deploy time`,
    });
  }
}

/** Each value as a deploy-time parameter of the reading stack (resolved from SSM on every deploy). */
export function readSharedValues(scope: Construct, shared: SharedParameters): Record<SharedValue, string> {
  const out = {} as Record<SharedValue, string>;
  for (const value of SHARED_VALUES) out[value] = StringParameter.valueForStringParameter(scope, parameterName(shared, value));
  return out;
}
