import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../alerts/alert-store.ts';
import { sdkSecretReader } from '../../secrets-sdk.ts';
import { createTestDeps, type TestDeps } from '../../testing/index.ts';
import { runDueProbes } from '../run-probes.ts';
import { gmailTokenPort, ultraMsgPort } from './index.ts';
import { createGmailProbe } from './gmail-probe.ts';
import { googleBodies, ultraMsgBodies } from './sandbox.ts';
import { startFakePeer, type FakePeer } from './testing/fake-peer.ts';
import { peerConfig } from './testing/messaging-deps.ts';
import { createUltraMsgProbe } from './ultramsg-probe.ts';

const ultraArn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:turno/ultramsg-AbCdEf';
const gmailArn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:turno/gmail-QwErTy';
const minute = 60_000;
let peer: FakePeer | undefined;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  await peer?.close();
  deps = undefined;
  peer = undefined;
});

/**
 * Both probes reading their credentials from a mocked Secrets Manager whose values the test
 * changes, looking every minute, on a clock the reader's cache shares.
 */
async function setUp(values: Record<string, string>) {
  peer = await startFakePeer();
  const clock = { now: new Date('2026-03-02T16:00:00Z') };
  const client = new SecretsManagerClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(GetSecretValueCommand).callsFake((input: { SecretId: string }) => ({
    ARN: input.SecretId, SecretString: values[input.SecretId],
  }));
  const reader = sdkSecretReader(client, { now: () => clock.now.getTime() });
  const base = peerConfig(peer.url);
  const messaging = {
    ...base,
    ultramsg: {
      ...base.ultramsg, instanceId: undefined, token: undefined, secretArn: ultraArn,
      intervalSeconds: 60,
    },
    gmail: {
      ...base.gmail, clientId: undefined, clientSecret: undefined, refreshToken: undefined,
      secretArn: gmailArn, intervalSeconds: 60,
    },
  };
  deps = await createTestDeps({ now: () => clock.now, config: { messaging } });
  const ultraMsg = ultraMsgPort(deps, async () => reader);
  const gmail = gmailTokenPort(deps, async () => reader);
  if (!ultraMsg || !gmail) throw new Error('both ports are configured');
  deps.probes = [
    createUltraMsgProbe(ultraMsg, messaging.ultramsg), createGmailProbe(gmail, messaging.gmail),
  ];
  const later = () => {
    clock.now = new Date(clock.now.getTime() + minute);
    return clock.now;
  };
  return { d: deps, p: peer, mock, clock, later };
}

const ultra = (token: string) => JSON.stringify({ instanceId: 'instance1', token });
const google = (refreshToken: string) => JSON.stringify({
  clientId: 'client-1', clientSecret: 'secret-1', refreshToken, sender: 'up@example.mx',
});

describe('credentials someone fixed in Secrets Manager', () => {
  it('are used on the next look after UltraMsg said "Wrong token", not after a restart',
    async () => {
      const values = { [ultraArn]: ultra('old-token'), [gmailArn]: google('1//ok') };
      const { d, p, clock, later } = await setUp(values);
      p.answer('/token', { json: googleBodies.granted });
      p.answer('/instance1/instance/status', { json: ultraMsgBodies.wrongToken });
      await runDueProbes(d, clock.now);
      expect(await listAlerts(d.statePool, d.config.dataSources, ['open']))
        .toMatchObject([{ key: 'whatsapp-config' }]);

      values[ultraArn] = ultra('new-token');
      p.answer('/instance1/instance/status', { json: ultraMsgBodies.connected });
      const report = await runDueProbes(d, later());

      const asked = p.requests.filter((r) => r.url.startsWith('/instance1/instance/status'))
        .map((r) => new URL(r.url, p.url).searchParams.get('token'));
      expect(asked).toEqual(['old-token', 'new-token']);
      expect(report.resolved).toHaveLength(1);
    });

  it('are used on the next look after Google said invalid_grant', async () => {
    const values = { [ultraArn]: ultra('token'), [gmailArn]: google('1//revoked') };
    const { d, p, clock, later } = await setUp(values);
    p.answer('/instance1/instance/status', { json: ultraMsgBodies.connected });
    p.answer('/token', { status: 400, json: googleBodies.invalidGrant });
    await runDueProbes(d, clock.now);

    values[gmailArn] = google('1//renewed');
    p.answer('/token', { json: googleBodies.granted });
    const report = await runDueProbes(d, later());

    const sent = p.requests.filter((r) => r.url === '/token')
      .map((r) => new URLSearchParams(r.body).get('refresh_token'));
    expect(sent).toEqual(['1//revoked', '1//renewed']);
    expect(report.resolved).toHaveLength(1);
  });

  it('are read from Secrets Manager once per five minutes while they work', async () => {
    const values = { [ultraArn]: ultra('token'), [gmailArn]: google('1//ok') };
    const { d, p, mock, clock, later } = await setUp(values);
    p.answer('/instance1/instance/status', { json: ultraMsgBodies.connected });
    p.answer('/token', { json: googleBodies.granted });

    await runDueProbes(d, clock.now);
    for (let look = 0; look < 4; look += 1) await runDueProbes(d, later());

    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    await runDueProbes(d, later());
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(4);
  });
});
