import { createTestDeps, type TestDeps, type TestDepsOptions } from '../../../testing/index.ts';
import { defaultMessagingConfig, type MessagingConfig } from '../config.ts';
import { messagingProbes } from '../index.ts';

/** A token with characters that URL encoding changes, so redaction is tested both ways. */
export const ultraMsgToken = 'tok3n+S3cret/xyz';
export const gmailSecret = {
  clientSecret: 'GOCSPX-sh0uld-n0t-leak', refreshToken: '1//0gRefreshXYZ',
};

/** Messaging configuration pointing both probes at one fake peer. */
export function peerConfig(peerUrl: string, timeoutMs = 2_000): MessagingConfig {
  const defaults = defaultMessagingConfig();
  return {
    ...defaults,
    ultramsg: {
      ...defaults.ultramsg, baseUrl: peerUrl, instanceId: 'instance1',
      token: ultraMsgToken,
    },
    gmail: {
      ...defaults.gmail, tokenUrl: `${peerUrl}/token`, clientId: 'client-1',
      ...gmailSecret,
    },
    timeoutMs,
  };
}

/**
 * Test deps whose probes are the messaging ones this configuration builds, those named only
 * (the registry's selection, not hand-made probes).
 */
export async function messagingDeps(
  names: string[], options: TestDepsOptions & { messaging?: MessagingConfig } = {},
): Promise<TestDeps> {
  const { messaging, ...rest } = options;
  const deps = await createTestDeps({
    ...rest, config: { ...rest.config, ...(messaging ? { messaging } : {}) },
  });
  deps.probes = messagingProbes(deps).filter((probe) => names.includes(probe.name));
  return deps;
}
