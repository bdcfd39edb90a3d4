import { Names, Stack } from 'aws-cdk-lib';
import type { IRuleTarget, RuleTargetConfig, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import type { aws_events as eventsRefs } from 'aws-cdk-lib/interfaces';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';

/**
 * An SNS topic as the target of one EventBridge rule. CDK's own SnsTopic target lets
 * events.amazonaws.com publish to the topic on behalf of any rule, in any account; this one lets
 * in only the rule it is bound to, in this account (aws:SourceArn, aws:SourceAccount). It grants
 * nothing on the topic's key: the key's own policy must let EventBridge use it (NewsroomEvents).
 */
export class SnsTopicFromRule implements IRuleTarget {
  constructor(
    private readonly topic: ITopic,
    private readonly props: { message: RuleTargetInput; deadLetterQueue: IQueue },
  ) {}

  bind(rule: eventsRefs.IRuleRef): RuleTargetConfig {
    const events = new ServicePrincipal('events.amazonaws.com');
    const fromThisRule = {
      StringEquals: { 'aws:SourceAccount': Stack.of(rule).account },
      ArnEquals: { 'aws:SourceArn': rule.ruleRef.ruleArn },
    };
    this.topic.addToResourcePolicy(
      new PolicyStatement({ principals: [events], actions: ['sns:Publish'], resources: [this.topic.topicArn], conditions: fromThisRule }),
    );
    const dlq = this.props.deadLetterQueue;
    dlq.addToResourcePolicy(
      new PolicyStatement({
        sid: `AllowEventRule${Names.nodeUniqueId(rule.node)}`,
        principals: [events],
        actions: ['sqs:SendMessage'],
        resources: [dlq.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.ruleRef.ruleArn } },
      }),
    );
    return { arn: this.topic.topicArn, input: this.props.message, deadLetterConfig: { arn: dlq.queueArn }, targetResource: this.topic };
  }
}
