import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { GROUPS } from '../lambdas/domain/article.js';

/**
 * Newsroom staff sign in with email; their group decides what the API lets them do. The pool
 * lives in the stateful stack and is retained: `authorId` is a user's `sub`, which a new pool
 * would change for everyone.
 */
export class NewsroomAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      standardAttributes: { fullname: { required: false, mutable: true } },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'TOTP MFA is offered to every user; a newsroom turns it to REQUIRED once staff have enrolled.',
    });
    for (const group of GROUPS) {
      const g = new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: this.userPool.userPoolId, groupName: group });
      g.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    // Users sign in with SRP and read their profile; they cannot rewrite `name` (nor their
    // sign-in email), which the newsroom copies into bylines, history and notifications:
    // only administrators set them. No hosted UI, so no OAuth flows or callback URLs.
    this.client = this.userPool.addClient('Api', {
      authFlows: { userSrp: true },
      disableOAuth: true,
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }),
      // Cognito lets a client write every standard attribute unless the list names some: name one harmless.
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
