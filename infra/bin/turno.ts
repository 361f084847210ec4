import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { loadConfig, placeholderFields } from '../lib/config.ts';
import { TurnoStack } from '../lib/turno-stack.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

// `npx cdk` sets CDK_OUTDIR; `npm run synth` runs this file directly and writes to cdk.out.
const app = new App({ outdir: process.env.CDK_OUTDIR ?? resolve(repoRoot, 'cdk.out') });
// `-c config=<file>` and `-c bundles=<dir>` override the defaults, relative to the cwd.
const context = (key: string, fallback: string): string => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' ? resolve(value) : resolve(repoRoot, fallback);
};

try {
  const config = loadConfig(context('config', 'infra/turno.config.json'));
  const placeholders = placeholderFields(config);
  if (placeholders.length > 0) {
    process.stderr.write(`Placeholders still in the config (fine for synth, not for deploy): `
      + `${placeholders.join(', ')}\n`);
  }
  if (!config.watchdog?.emails?.length && !config.watchdog?.sms?.length) {
    process.stderr.write('No watchdog subscriber (watchdog.emails, watchdog.sms): the alarms '
      + 'for a stopped watcher would reach no one\n');
  }
  new TurnoStack(app, 'Turno', {
    config,
    codeDir: context('bundles', 'dist/lambda'),
    description: 'Turno: on-call companion for UP (PWA, API, watcher, sign-in)',
  });
  app.synth();
} catch (error) {
  // A missing bundle or a wrong config field: the message says which, the stack adds nothing.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
