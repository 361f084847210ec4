import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { createSubscriptionStore } from './subscriptions.ts';

describe('the push subscription store', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  const newSubscription = (name: string) => ({
    endpoint: `https://push.example.net/send/${name}`, p256dh: 'BPk3', auth: 'a1', userName: 'ana',
  });

  it('keeps one row per endpoint, refreshed by a second subscribe', async () => {
    const store = createSubscriptionStore(deps.statePool);

    const first = await store.save(newSubscription('refresh'));
    const refreshed = { ...newSubscription('refresh'), p256dh: 'BNew', userName: 'beto' };
    const second = await store.save(refreshed);

    const mine = (await store.listActive()).filter((s) => s.id === first);
    expect(second).toBe(first);
    expect(mine).toEqual([expect.objectContaining({ p256dh: 'BNew', userName: 'beto' })]);
  });

  it('remembers a back-off until a later delivery clears it', async () => {
    const store = createSubscriptionStore(deps.statePool);
    const id = await store.save(newSubscription('backoff'));
    const until = new Date('2030-01-01T00:05:00Z');

    await store.markFailed(id, new Date('2030-01-01T00:00:00Z'), 'rate limited', until);
    const backedOff = (await store.listActive()).find((s) => s.id === id);
    await store.markDelivered(id, new Date('2030-01-01T00:06:00Z'));
    const delivered = (await store.listActive()).find((s) => s.id === id);

    expect(backedOff?.backoffUntil).toBe(until.toISOString());
    expect(delivered?.backoffUntil).toBeNull();
  });

  it('forgets a subscription by id and by endpoint', async () => {
    const store = createSubscriptionStore(deps.statePool);
    const byId = await store.save(newSubscription('gone-410'));
    await store.save(newSubscription('unsubscribed'));

    await store.remove(byId);
    const { endpoint } = newSubscription('unsubscribed');
    const removed = await store.removeByEndpoint(endpoint, 'ana');
    const again = await store.removeByEndpoint(endpoint, 'ana');

    const endpoints = (await store.listActive()).map((s) => s.endpoint);
    expect(endpoints).not.toContain(newSubscription('gone-410').endpoint);
    expect(endpoints).not.toContain(newSubscription('unsubscribed').endpoint);
    expect([removed, again]).toEqual([true, false]);
  });

  it('removes by endpoint only the subscription of the person named', async () => {
    const store = createSubscriptionStore(deps.statePool);
    const id = await store.save(newSubscription('not-beto'));

    const removed = await store.removeByEndpoint(newSubscription('not-beto').endpoint, 'beto');

    expect(removed).toBe(false);
    expect((await store.listActive()).map((s) => s.id)).toContain(id);
  });
});
