import { describe, expect, it } from 'vitest';
import { functionFromTargetArn } from './lambda-arn.ts';

describe('functionFromTargetArn', () => {
  it('takes the last segment of a Lambda function ARN', () => {
    const arn = 'arn:aws:lambda:us-east-1:111122223333:function:up-update-active-positions';
    expect(functionFromTargetArn(arn)).toBe('up-update-active-positions');
  });

  it('drops an alias or version qualifier', () => {
    const arn = 'arn:aws:lambda:us-east-1:111122223333:function:linde-mix-get-events:live';
    expect(functionFromTargetArn(arn)).toBe('linde-mix-get-events');
  });

  it('returns null for a target that is not a Lambda function', () => {
    expect(functionFromTargetArn('arn:aws:sqs:us-east-1:111122223333:queue')).toBeNull();
  });
});
