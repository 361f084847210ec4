import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceDirs = ['api/src', 'shared/src', 'web/src'];

// `{ z }` and the default export are zod's whole namespace object: bundled, it keeps every
// export, JSON Schema conversion and 40 locales included; `* as z` lets esbuild drop them.
const wholeZod = /import\s+(?:type\s+)?(?:\w+\s*,\s*)?(?:\{[^}]*\bz\b[^}]*\}|\w+)\s+from\s+'zod'/;

async function sources(): Promise<string[]> {
  const files: string[] = [];
  for (const dir of sourceDirs) {
    for (const file of await readdir(join(root, dir), { recursive: true })) {
      if (/\.(ts|vue)$/.test(file)) files.push(join(root, dir, file));
    }
  }
  return files;
}

describe('zod imports', () => {
  it('import zod as a namespace everywhere, so a bundle keeps only what Turno calls', async () => {
    const wholes: string[] = [];
    for (const file of await sources()) {
      if (wholeZod.test(await readFile(file, 'utf8'))) wholes.push(relative(root, file));
    }

    expect(wholes).toEqual([]);
  });

  it.each([
    "import { z } from 'zod';", "import type { z } from 'zod';", "import z from 'zod';",
    "import { ZodError, z } from 'zod';",
  ])('counts `%s` as importing the whole namespace', (line) => {
    expect(wholeZod.test(line)).toBe(true);
  });

  it('does not count a namespace import', () => {
    expect(wholeZod.test("import * as z from 'zod';")).toBe(false);
  });
});
