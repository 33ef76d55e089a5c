// Webhook signatures: `sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>`.
// Receivers compute the same over the bytes they received and compare in constant time.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The x-ordo-signature header value for a body. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** True when the header is the signature of the body (timing-safe). */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A new endpoint secret, shown once when the endpoint is created. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}
