// The feedback survey offered in the delivered mail: the surveys module makes the token
// (in the relay's transaction, so a retried event does not leave a stray offer behind).
import type { Kdb } from '../../platform/db/index.ts';
import { offerSurvey } from '../surveys/index.ts';

/** The survey link for a delivered order. */
export async function surveyUrlFor(trx: Kdb, tenantId: string, orderId: string, publicUrl: string): Promise<string> {
  const { url_path: path } = await offerSurvey(trx, tenantId, orderId);
  return `${publicUrl}${path}`;
}
