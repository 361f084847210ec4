import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stubBundles } from '../lib/test-stack.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const credentials = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
// Where else the SDK's default chain would look: a profile, its files, the EC2 metadata service.
const fallbacks = {
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** The commands of a shell script, continuation lines joined, comments left out. */
function commands(script: string): string[] {
  return script.replaceAll('\\\n', ' ').split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

describe('npm run synth', () => {
  it('runs in CI after the tests, with no AWS credentials, profile or metadata to fall on', () => {
    const ci = commands(readFileSync(join(repoRoot, '.ci/run'), 'utf8'));
    const synth = ci.findIndex((command) => command.endsWith('npm run synth'));

    expect(ci.indexOf('npm test')).toBeGreaterThan(-1);
    expect(synth).toBeGreaterThan(ci.indexOf('npm test'));
    for (const name of [...credentials, 'AWS_PROFILE']) expect(ci[synth]).toContain(`-u ${name} `);
    for (const [name, value] of Object.entries(fallbacks)) {
      expect(ci[synth]).toContain(` ${name}=${value} `);
    }
  });

  // tsx and a whole synth in a child process: seconds on a busy machine.
  it('writes the template offline and prints nothing but what the config still lacks', {
    timeout: 90_000,
  }, () => {
    const outdir = mkdtempSync(join(tmpdir(), 'turno-synth-'));
    const codeDir = stubBundles();
    const env = Object.fromEntries(Object.entries(process.env)
      .filter(([name]) => ![...credentials, 'AWS_PROFILE'].includes(name)));

    try {
      const run = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['infra/bin/turno.ts'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: {
          ...env, ...fallbacks, CDK_OUTDIR: outdir,
          CDK_CONTEXT_JSON: JSON.stringify({ bundles: codeDir }),
        },
      });

      expect(run.stderr.split('\n').filter((line) => line !== '')
        .filter((line) => !line.startsWith('Placeholders still in the config'))).toEqual([]);
      expect(run.stdout).toBe('');
      expect(run.status).toBe(0);
      expect(existsSync(join(outdir, 'Turno.template.json'))).toBe(true);
    } finally {
      for (const dir of [outdir, codeDir]) rmSync(dir, { recursive: true, force: true });
    }
  });
});
