import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadConfig, type TurnoConfig } from './config.ts';
import { functionNames } from './functions.ts';
import { TurnoStack } from './turno-stack.ts';

export const shippedConfig = (): TurnoConfig =>
  loadConfig(new URL('../turno.config.json', import.meta.url).pathname);

/** The shipped config with an account's values in place of the placeholders it matters for. */
export const accountConfig = (): TurnoConfig => ({
  ...shippedConfig(),
  account: '444455556666',
  network: {
    vpcId: 'vpc-0f1e2d3c4b5a69788', availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-0f1e2d3c4b5a69781', 'subnet-0f1e2d3c4b5a69782'],
    securityGroupIds: ['sg-0f1e2d3c4b5a69783'],
  },
  managedSchedules: ['default/linde-mix-get-positions', 'ops/nightly'],
  scheduleRoleArns: ['arn:aws:iam::444455556666:role/scheduler-lambda'],
  databaseInstances: ['flotas-develop', 'flotas-develop-replica'],
  cronInstanceId: 'i-0123456789abcdef0',
  appInstanceId: 'i-0123456789abcdef1',
  backendLogGroup: 'aws/ec2/flotas-develop-cluster/task-definition/backend-task',
});

/** A bundle folder with a stub handler per function, so the stack synthesises offline. */
export function stubBundles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'turno-bundles-'));
  for (const name of functionNames) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'index.mjs'), 'export const handler = async () => ({});\n');
  }
  return dir;
}

/** Synthesises the stack with the shipped config (or the given one) into a fresh app. */
export function synthTemplate(config: TurnoConfig = shippedConfig()): Template {
  const outdir = mkdtempSync(join(tmpdir(), 'turno-cdk-'));
  const codeDir = stubBundles();
  try {
    const app = new App({ outdir });
    return Template.fromStack(new TurnoStack(app, 'Turno', { config, codeDir }));
  } finally {
    for (const dir of [outdir, codeDir]) rmSync(dir, { recursive: true, force: true });
  }
}
