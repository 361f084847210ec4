import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeGroups } from './route-groups.ts';
import { createTestDeps, type TestDeps } from './testing/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** "METHOD /path" for each row of the README's API table, with the row's who and what. */
function documentedRoutes(markdown: string): Array<{ route: string; cells: string[] }> {
  const start = markdown.indexOf('\n## API\n');
  if (start < 0) throw new Error('no "## API" section');
  const end = markdown.indexOf('\n## ', start + 1);
  const rows = markdown.slice(start, end < 0 ? undefined : end).split('\n')
    .map((line) => /^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \|(.*)\|$/.exec(line))
    .filter((match) => match !== null);
  return rows.map(([, method, path, rest]) => ({
    route: `${method} ${path}`,
    cells: (rest ?? '').split(' | ').map((cell) => cell.trim()),
  }));
}

describe('documentedRoutes', () => {
  it('reads method and path of each API row, and nothing outside the section', () => {
    const text = '| GET | `/x` | a | b |\n## API\n| method | route |\n|---|---|\n'
      + '| POST | `/api/a/:id` | admin | does it |\n## Next\n| GET | `/y` | c | d |';

    expect(documentedRoutes(text)).toEqual([
      { route: 'POST /api/a/:id', cells: ['admin', 'does it'] },
    ]);
  });
});

describe('the README API table', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  // Route groups load on first use (route-groups.ts): build each to read what it serves.
  const served = async () => {
    const routes = new Set<string>();
    for (const [segment, load] of routeGroups) {
      const group = await load();
      for (const build of [...group.open, ...group.guarded]) {
        for (const route of build(deps).routes) {
          if (route.method === 'ALL') continue;
          const path = route.path === '/' ? '' : route.path;
          routes.add(`${route.method} /api/${segment}${path}`);
        }
      }
    }
    return [...routes].sort();
  };
  const documented = documentedRoutes(readme);
  const names = documented.map((row) => row.route);

  it('lists every route the app serves', async () => {
    const routes = await served();

    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => !names.includes(route))).toEqual([]);
  });

  it('lists no route the app does not serve, and each once', async () => {
    const routes = await served();

    expect(names.filter((route) => !routes.includes(route))).toEqual([]);
    expect(names.filter((route, i) => names.indexOf(route) !== i)).toEqual([]);
  });

  it('says who may call each route and what it does', () => {
    const bare = documented.filter(({ cells }) => cells.length !== 2 || cells.some((c) => !c));

    expect(bare).toEqual([]);
  });
});
