import { createHash } from 'node:crypto';

const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * A push `Topic` header value: at most 32 characters of the URL-safe base64 alphabet
 * (https://www.rfc-editor.org/rfc/rfc8030#section-5.4). A valid name is kept; anything else
 * is hashed, so the same alert always replaces its own pending message.
 */
export function pushTopic(name: string): string {
  if (TOPIC.test(name)) return name;
  return createHash('sha256').update(name).digest('base64url').slice(0, 32);
}
