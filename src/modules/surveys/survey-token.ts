// Survey links carry a random token; only its SHA-256 is stored, so a database read
// cannot be turned into working links.
import { createHash, randomBytes } from 'node:crypto';

export const SURVEY_TOKEN_PATTERN = '^[A-Za-z0-9_-]{32,64}$';

/** A new token: 32 random bytes, base64url (43 characters). */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Where the customer's survey page lives in the web app. */
export function surveyUrlPath(token: string): string {
  return `/survey/${token}`;
}
