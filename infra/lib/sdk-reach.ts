import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Test support: which AWS SDK commands a Lambda's code can send, read from the source. */
export const apiSource = fileURLToPath(new URL('../../api/src/', import.meta.url));

/** The IAM service prefix of each SDK v3 client the code may import. */
const iamPrefix: Record<string, string> = {
  'cloudwatch': 'cloudwatch',
  'cloudwatch-logs': 'logs',
  'ec2': 'ec2',
  'rds': 'rds',
  'scheduler': 'scheduler',
  'secrets-manager': 'secretsmanager',
  'ssm': 'ssm',
};

const relativeImport = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+\.ts)'/g;
const sdkImport = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-([\w-]+)'/g;
const sentCommand = /new\s+(\w+)Command\s*\(/g;

/** The IAM actions of the `new XCommand(...)` in one file, each from the client it came from. */
export function commandsIn(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const clientOf = new Map<string, string>();
  for (const [, names = '', client = ''] of text.matchAll(sdkImport)) {
    for (const name of names.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim())) {
      if (name) clientOf.set(name, client);
    }
  }
  return [...text.matchAll(sentCommand)].map(([, operation = '']) => {
    const client = clientOf.get(`${operation}Command`);
    const prefix = client === undefined ? undefined : iamPrefix[client];
    if (prefix === undefined) {
      throw new Error(`${path}: ${operation}Command comes from no SDK client this test knows`);
    }
    return `${prefix}:${operation}`;
  });
}

/** Every SDK command reachable from an entry file through its static and lazy imports. */
export function reachableCommands(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [resolve(apiSource, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, target = ''] of readFileSync(file, 'utf8').matchAll(relativeImport)) {
      const next = resolve(dirname(file), target);
      if (existsSync(next)) pending.push(next);
    }
  }
  return [...new Set([...seen].flatMap(commandsIn))].sort();
}
