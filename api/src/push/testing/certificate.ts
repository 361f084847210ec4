import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SelfSignedCertificate {
  key: string;
  cert: string;
}

/** A one-day certificate for 127.0.0.1 and localhost, made locally with openssl (no network). */
export async function selfSignedCertificate(): Promise<SelfSignedCertificate> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const dir = await mkdtemp(join(tmpdir(), 'turno-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    await writeFile(keyFile, key, { mode: 0o600 });
    const { stdout } = await run('openssl', [
      'req', '-x509', '-key', keyFile, '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]);
    return { key, cert: stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
