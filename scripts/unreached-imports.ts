import type { Plugin } from 'esbuild';

/** A dependency that a library imports only for an option Turno never sets. */
export interface UnreachedImport {
  /** The import as the library writes it, e.g. `glob`. */
  module: string;
  /** The library's files that import it; anyone else still gets the real module. */
  importer: RegExp;
  /** Why Turno never reaches it: the message the stand-in throws if it ever is. */
  why: string;
  /** The stand-in's exports (ESM or CommonJS) over `unreached`, a function that throws. */
  exports: string;
}

const webPushVapid = /[\\/]web-push[\\/]src[\\/]vapid-helper\.js$/;

/**
 * What the Lambdas leave out, code no request runs: each import is replaced by a stand-in that
 * throws `why` when called, so a change that starts using one fails loudly, not silently.
 */
export const unreachedImports: readonly UnreachedImport[] = [
  {
    module: 'glob',
    importer: /[\\/]node-pg-migrate[\\/]dist[\\/]/,
    why: 'node-pg-migrate lists the migrations folder with readdir: Turno never sets useGlob',
    exports: 'export const glob = unreached;',
  },
  {
    module: 'asn1.js',
    importer: webPushVapid,
    why: 'web-push signs no VAPID token here: api/src/push/vapid-header.ts signs with jose',
    exports: 'module.exports = { define: () => ({ encode: unreached }) };',
  },
  {
    module: 'jws',
    importer: webPushVapid,
    why: 'web-push signs no VAPID token here: api/src/push/vapid-header.ts signs with jose',
    exports: 'module.exports = { sign: unreached };',
  },
  {
    module: 'https-proxy-agent',
    importer: /[\\/]web-push[\\/]src[\\/]web-push-lib\.js$/,
    why: 'the push sender gives web-push no proxy: the Lambdas reach push services directly',
    exports: 'module.exports = { HttpsProxyAgent: unreached };',
  },
  {
    module: './native',
    importer: /[\\/]pg[\\/]lib[\\/]index\.js$/,
    why: 'pg-native is not installed: Turno runs the JavaScript client, pg.native is null',
    // Throws on require, as a missing pg-native does, so `pg.native` reads null.
    exports: 'unreached();',
  },
];

/** Puts each of `imports` out of the bundle, a stand-in in its place (see `unreachedImports`). */
export function leaveOut(imports: readonly UnreachedImport[]): Plugin {
  const names = imports.map((item) => item.module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    name: 'leave-out-unreached',
    setup(plugins) {
      plugins.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, (args) => {
        const item = imports.find((candidate) =>
          candidate.module === args.path && candidate.importer.test(args.importer));
        return item && { path: args.path, namespace: 'unreached', pluginData: item };
      });
      plugins.onLoad({ filter: /.*/, namespace: 'unreached' }, (args) => {
        const { module, why, exports } = args.pluginData as UnreachedImport;
        const message = JSON.stringify(`${module} is left out of the bundle: ${why}`);
        // The code Node gives a missing module: what a library that probes for it checks.
        const fail = `throw Object.assign(new Error(${message}), { code: 'MODULE_NOT_FOUND' });`;
        return { contents: `function unreached() { ${fail} }\n${exports}` };
      });
    },
  };
}
