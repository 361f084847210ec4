/** What a secret is replaced with: readable, and never mistaken for a value. */
export const REDACTED = '[redacted]';
