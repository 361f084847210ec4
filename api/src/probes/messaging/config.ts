import * as z from 'zod';

/**
 * Where the WhatsApp (UltraMsg) and Gmail probes look, how often, and with what credentials.
 * Tokens come from the environment locally and from Secrets Manager on Lambda; never log this.
 */
export interface MessagingConfig {
  ultramsg: {
    baseUrl: string;
    /** "instance12345"; unset: the probe runs only against the sandbox. */
    instanceId: string | undefined;
    token: string | undefined;
    /** `turno/ultramsg` JSON {instanceId, token}; read when no token is in the environment. */
    secretArn: string | undefined;
    intervalSeconds: number;
    /** A queue larger than this that keeps growing is an early warning (card T.11). */
    queueWarning: number;
  };
  gmail: {
    tokenUrl: string;
    clientId: string | undefined;
    clientSecret: string | undefined;
    refreshToken: string | undefined;
    /** `turno/gmail` JSON {clientId, clientSecret, refreshToken, sender}. */
    secretArn: string | undefined;
    intervalSeconds: number;
    /** How often Sync_error's saturation evidence is read for the countdown (no Gmail call). */
    sendingIntervalSeconds: number;
  };
  reminder: {
    /** Days after the last "Listo" until the phone's keeper is asked to open WhatsApp. */
    everyDays: number;
    /** While nobody taps "Listo", the reminder comes again this often. */
    repeatHours: number;
    /** Turno users who get the reminder; empty: every subscribed device. */
    keepers: string[];
    /**
     * Mexico City hours the reminder may go out in, `[startHour, endHour)` (a start after the
     * end spans midnight): it is no emergency, and must not wake anyone.
     */
    daytime: { startHour: number; endHour: number };
  };
  /** Each HTTP call to UltraMsg or Google gives up after this long. */
  timeoutMs: number;
  /** Region of Secrets Manager, when a secret ARN is used. */
  region: string | undefined;
}

const seconds = (fallback: number) => z.coerce.number().int().min(15).default(fallback);
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const httpUrl = (fallback: string) =>
  z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default(fallback)
    .transform((text) => text.replace(/\/+$/, ''));
const secret = z.string().trim().min(1).optional();
const hour = (fallback: number) => z.coerce.number().int().min(0).max(23).default(fallback);

/** The environment the messaging probes read; spread into the app's env schema. */
export const messagingEnvShape = {
  ULTRAMSG_BASE_URL: httpUrl('https://api.ultramsg.com'),
  ULTRAMSG_INSTANCE_ID: z.string().regex(/^instance\d+$/, {
    message: 'must be "instance" and a number, as UltraMsg shows it',
  }).optional(),
  ULTRAMSG_TOKEN: secret,
  ULTRAMSG_PROBE_INTERVAL_S: seconds(300),
  ULTRAMSG_QUEUE_WARNING: count(20),
  GMAIL_TOKEN_URL: httpUrl('https://oauth2.googleapis.com/token'),
  GMAIL_CLIENT_ID: secret,
  GMAIL_CLIENT_SECRET: secret,
  GMAIL_REFRESH_TOKEN: secret,
  GMAIL_PROBE_INTERVAL_S: seconds(900),
  GMAIL_SENDING_INTERVAL_S: seconds(60),
  WHATSAPP_REMINDER_DAYS: count(12),
  WHATSAPP_REMINDER_REPEAT_H: count(24),
  WHATSAPP_PHONE_KEEPERS: z.string().default('').transform((text) =>
    text.split(',').map((name) => name.trim()).filter(Boolean)),
  WHATSAPP_REMINDER_FROM_H: hour(9),
  WHATSAPP_REMINDER_UNTIL_H: hour(20),
  MESSAGING_TIMEOUT_MS: count(10_000),
};

const messagingEnvSchema = z.object(messagingEnvShape);
type MessagingEnv = z.output<typeof messagingEnvSchema>;

/** The secret ARNs and region the app's AWS settings already parse. */
interface AwsSecretsEnv {
  ULTRAMSG_SECRET_ARN?: string | undefined;
  GMAIL_SECRET_ARN?: string | undefined;
  AWS_REGION?: string | undefined;
}

export function readMessagingConfig(e: MessagingEnv & AwsSecretsEnv): MessagingConfig {
  return {
    ultramsg: {
      baseUrl: e.ULTRAMSG_BASE_URL,
      instanceId: e.ULTRAMSG_INSTANCE_ID,
      token: e.ULTRAMSG_TOKEN,
      secretArn: e.ULTRAMSG_SECRET_ARN,
      intervalSeconds: e.ULTRAMSG_PROBE_INTERVAL_S,
      queueWarning: e.ULTRAMSG_QUEUE_WARNING,
    },
    gmail: {
      tokenUrl: e.GMAIL_TOKEN_URL,
      clientId: e.GMAIL_CLIENT_ID,
      clientSecret: e.GMAIL_CLIENT_SECRET,
      refreshToken: e.GMAIL_REFRESH_TOKEN,
      secretArn: e.GMAIL_SECRET_ARN,
      intervalSeconds: e.GMAIL_PROBE_INTERVAL_S,
      sendingIntervalSeconds: e.GMAIL_SENDING_INTERVAL_S,
    },
    reminder: {
      everyDays: e.WHATSAPP_REMINDER_DAYS,
      repeatHours: e.WHATSAPP_REMINDER_REPEAT_H,
      keepers: e.WHATSAPP_PHONE_KEEPERS,
      daytime: { startHour: e.WHATSAPP_REMINDER_FROM_H, endHour: e.WHATSAPP_REMINDER_UNTIL_H },
    },
    timeoutMs: e.MESSAGING_TIMEOUT_MS,
    region: e.AWS_REGION,
  };
}

/**
 * The defaults, as a start with no variables has them: both probes answer from the sandbox.
 * A function, not a constant: parsing at import would cost every cold start a zod compile.
 */
export function defaultMessagingConfig(): MessagingConfig {
  return readMessagingConfig(messagingEnvSchema.parse({}));
}

/** True when UltraMsg is configured: an instance and a token, or the secret that holds both. */
export function ultraMsgConfigured(config: MessagingConfig): boolean {
  const { instanceId, token, secretArn } = config.ultramsg;
  return Boolean(secretArn) || (Boolean(instanceId) && Boolean(token));
}

/** True when the Gmail OAuth client is configured, from the environment or a secret. */
export function gmailConfigured(config: MessagingConfig): boolean {
  const { clientId, clientSecret, refreshToken, secretArn } = config.gmail;
  return Boolean(secretArn) || Boolean(clientId && clientSecret && refreshToken);
}
