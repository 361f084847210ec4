import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureOnce, type ColdStartCase } from './cold-start.ts';

/** What one cold start loaded, in bytes of files read. */
export interface LoadedCode {
  /** Files of the bundle's own folder: index.mjs, its static chunks, and the chunks loaded. */
  bundleBytes: number;
  /** Files from elsewhere, such as a package left to the runtime (node_modules here). */
  outsideBytes: number;
}

/** Runs the case once more, untimed, with a loader hook that lists the files it loads. */
export async function loadedCode(spec: ColdStartCase): Promise<LoadedCode> {
  if (!spec.bundle) return { bundleBytes: 0, outsideBytes: 0 };
  await spec.before?.();
  const { loaded = [] } = await measureOnce({ ...spec, traceLoads: true });
  await spec.after?.();
  const folder = `${dirname(spec.bundle)}/`;
  const sizes = { bundleBytes: 0, outsideBytes: 0 };
  for (const url of loaded.filter((item) => item.startsWith('file:'))) {
    const path = fileURLToPath(url);
    const { size } = await stat(path);
    if (path.startsWith(folder)) sizes.bundleBytes += size;
    else sizes.outsideBytes += size;
  }
  return sizes;
}
