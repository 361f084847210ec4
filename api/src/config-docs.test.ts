import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pm2EnvShape } from './config-aws.ts';
import { cognitoEnvShape } from './config-cognito.ts';
import { envSchema } from './config-env.ts';
import { infraEnvShape } from './probes/infra/config.ts';
import { messagingEnvShape } from './probes/messaging/config.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

// The shapes are listed besides the schema they are spread into: one may also be parsed alone.
const shapes = [envSchema.shape, pm2EnvShape, cognitoEnvShape, infraEnvShape, messagingEnvShape];
const readByCode = [...new Set(shapes.flatMap((shape) => Object.keys(shape)))].sort();

/** The variables named in backticks in the first cell of each table row of a Markdown text. */
function documentedVariables(markdown: string): string[] {
  const names: string[] = [];
  for (const line of markdown.split('\n')) {
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? '';
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) {
      if (match[1]) names.push(match[1]);
    }
  }
  return names;
}

/** The lines under a `## ` heading, up to the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('documentedVariables', () => {
  it('reads each backticked name of a row\'s first cell, not of its other cells', () => {
    const table = '| variable | default |\n|---|---|\n| `A_B`, `C` | `D_E` |\ntext `F_G`';

    expect(documentedVariables(table)).toEqual(['A_B', 'C']);
  });
});

describe('docs/configuration.md', () => {
  const documented = documentedVariables(read('docs/configuration.md'));

  it('has a row for every variable the code reads', () => {
    expect(readByCode.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('names no variable the code does not read', () => {
    expect(documented.filter((name) => !readByCode.includes(name))).toEqual([]);
  });

  it('gives each variable one row', () => {
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
  });
});

describe('the README configuration table', () => {
  it('names only variables the code reads', () => {
    const named = documentedVariables(section(read('README.md'), 'Configuration'));

    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !readByCode.includes(name))).toEqual([]);
  });
});
