import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

// What each layer may not reach: the domain stands alone; the app and the API meet only in it.
const forbidden: Record<string, string[]> = {
  'shared/src': ['api', 'web', 'infra', 'e2e'],
  'api/src': ['web', 'infra', 'e2e'],
  'web/src': ['api', 'infra', 'e2e'],
};

const specifier = /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/** The specifiers a source file imports, statically or dynamically. */
function importsOf(text: string): string[] {
  return [...text.matchAll(specifier)].map((match) => match[1] ?? match[2] ?? '');
}

/** The workspace an import lands in: `@turno/x` or a relative path that leaves `from`. */
function workspaceOf(file: string, spec: string): string | undefined {
  if (spec.startsWith('@turno/')) return spec.slice('@turno/'.length).split('/')[0];
  if (!spec.startsWith('.')) return undefined;
  return relative(root, resolve(dirname(file), spec)).split('/')[0];
}

async function crossings(dir: string, banned: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(join(root, dir), { recursive: true })) {
    if (!/\.(ts|vue)$/.test(name)) continue;
    const file = join(root, dir, name);
    for (const spec of importsOf(await readFile(file, 'utf8'))) {
      const lands = workspaceOf(file, spec);
      if (lands && banned.includes(lands)) found.push(`${relative(root, file)} → ${spec}`);
    }
  }
  return found;
}

describe('layers', () => {
  it.each(Object.entries(forbidden))('%s imports nothing from %j', async (dir, banned) => {
    expect(await crossings(dir, banned)).toEqual([]);
  });

  it('sees static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from '../../api/src/app.ts';", "import type { B } from '@turno/web';",
      "export { c } from './c.ts';", "const d = await import('@turno/api/x');",
    ].join('\n');
    expect(importsOf(text))
      .toEqual(['../../api/src/app.ts', '@turno/web', './c.ts', '@turno/api/x']);
  });

  it('places a relative import that leaves shared/ in the workspace it reaches', () => {
    const file = join(root, 'shared/src/alerts/rules.ts');
    expect(workspaceOf(file, '../../../api/src/app.ts')).toBe('api');
    expect(workspaceOf(file, './group.ts')).toBe('shared');
    expect(workspaceOf(file, 'zod')).toBeUndefined();
  });
});
