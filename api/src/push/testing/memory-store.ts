import type { StoredSubscription, SubscriptionStore } from '../types.ts';

export interface SubscriptionEvent {
  kind: 'delivered' | 'failed' | 'removed';
  id: string;
  at: Date;
  reason?: string;
}

/** A SubscriptionStore in memory, for the sender's tests (the SQL store has its own). */
export interface MemorySubscriptionStore extends SubscriptionStore {
  subscriptions: Map<string, StoredSubscription>;
  events: SubscriptionEvent[];
}

export function memorySubscriptionStore(
  initial: StoredSubscription[] = [],
): MemorySubscriptionStore {
  const subscriptions = new Map(initial.map((s) => [s.id, { ...s }]));
  const events: SubscriptionEvent[] = [];
  return {
    subscriptions,
    events,
    async listActive() {
      return [...subscriptions.values()].map((s) => ({ ...s }));
    },
    async remove(id) {
      subscriptions.delete(id);
      events.push({ kind: 'removed', id, at: new Date() });
    },
    async markDelivered(id, at) {
      events.push({ kind: 'delivered', id, at });
    },
    async markFailed(id, at, reason, retryAfter) {
      const sub = subscriptions.get(id);
      if (sub) sub.backoffUntil = retryAfter ? retryAfter.toISOString() : null;
      events.push({ kind: 'failed', id, at, reason });
    },
  };
}
