import type { AppLocale, PushPayload } from '@turno/shared';

/** A browser's push subscription as stored in Turno's schema. */
export interface StoredSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userName: string;
  /** The app's language on that device: its pushes are worded in it. */
  locale: AppLocale;
  /** Set after a 429: the push service asked us to leave this subscription alone until then. */
  backoffUntil?: string | null;
}

/** Where the sender finds subscriptions and reports what happened to each. */
export interface SubscriptionStore {
  listActive(): Promise<StoredSubscription[]>;
  /** Called on 404/410: the push service says the subscription is gone. */
  remove(id: string): Promise<void>;
  markDelivered(id: string, at: Date): Promise<void>;
  /** `retryAfter` is set when the push service answered 429; persist it as `backoffUntil`. */
  markFailed(id: string, at: Date, reason: string, retryAfter?: Date): Promise<void>;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact the push service may use, per RFC 8292. */
  subject: string;
}

/** What happened to one subscription; `reason` as stored with a failure. */
export type SubscriptionOutcome =
  | { id: string; result: 'delivered' }
  | { id: string; result: 'removed'; status: number }
  | { id: string; result: 'backed-off'; until: string }
  | { id: string; result: 'failed'; reason: string };

export interface SendReport {
  delivered: number;
  removed: number;
  failed: number;
  /** Subscriptions a 429 told us to leave alone, with the time to try again. */
  backedOff: Array<{ id: string; until: string }>;
  /** One entry per subscription tried, for a report to the person who asked (a test push). */
  outcomes: SubscriptionOutcome[];
}

export interface SendOptions {
  topic: string;
  /** Only these people's subscriptions; absent: every active subscription. */
  users?: readonly string[];
}

/** One push in each of the app's languages: each device gets the one in its own. */
export type PushMessage = Readonly<Record<AppLocale, PushPayload>>;

export interface AlertPusher {
  /** Sends one message to the chosen subscriptions; never throws for one bad device. */
  send(message: PushMessage, options: SendOptions): Promise<SendReport>;
}
