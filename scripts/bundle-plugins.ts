import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * Each SDK client keeps every operation's schema in one module, keyed by computed names such as
 * `{ [_eQN]: ... }`. esbuild cannot prove a computed key free of side effects, so it keeps all
 * of them: 540 KB of EC2 schemas for the two EC2 calls Turno makes. Writing each key as the
 * string constant it names lets esbuild drop the schemas no command imports.
 */
export const sdkSchemasShakeable: Plugin = {
  name: 'sdk-schemas-shakeable',
  setup(plugins) {
    const schemas = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/][^\\/]+\.js$/;
    plugins.onLoad({ filter: schemas }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: literalKeys(source), loader: 'js' };
    });
  },
};

/** A key `[_x]:` becomes `"value":` wherever `const _x = "value";` is declared in the module. */
export function literalKeys(source: string): string {
  const strings = new Map<string, string>();
  for (const [, name, value] of source.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)) {
    // A literal "__proto__" key sets the prototype, where the computed one adds a property.
    if (name && value && value !== '"__proto__"') strings.set(name, value);
  }
  return source.replace(/(?<=[{,]\s*)\[(_\w+)\]:/g, (key, name: string) => {
    const value = strings.get(name);
    return value === undefined ? key : `${value}:`;
  });
}

/** SDK parts a Lambda never loads: credentials other than its environment's, browser agents. */
const unusedOnLambda = [
  /^@aws-sdk\/credential-provider-(?!env$|node$)/, /^@aws-sdk\/nested-clients(\/|$)/,
  /^@smithy\/credential-provider-imds$/, /^bowser$/,
];

/** Where the SDK clients come from: the bundle, or the SDK the nodejs22.x runtime ships. */
export type SdkSource = 'bundled' | 'runtime';

/**
 * Every AWS SDK client is bundled, not taken from the SDK the nodejs22.x runtime ships: Lambda
 * then runs the version the adapters were tested with (aws-sdk-client-mock), and the ESM build,
 * tree-shaken and minified, loads far faster than the runtime's CommonJS (docs/benchmarks.md
 * measures both). Each service's client is a chunk of its own, loaded on first use.
 */
export function lambdaSdk(clients: SdkSource = 'bundled'): Plugin {
  return {
    name: 'lambda-sdk',
    setup(plugins) {
      plugins.onResolve({ filter: /^(@aws-sdk|@smithy)\/|^bowser$/ }, (args) => {
        const external = unusedOnLambda.some((pattern) => pattern.test(args.path))
          || (clients === 'runtime' && /^@aws-sdk\/client-/.test(args.path));
        return external ? { path: args.path, external: true } : undefined;
      });
    },
  };
}
