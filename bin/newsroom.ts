#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildNewsroom, configFromContext } from '../lib/newsroom-app.js';

const app = new App();
buildNewsroom(app, configFromContext(app), {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION,
});
