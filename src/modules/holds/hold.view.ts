// Holds as the order view shows them.
import { iso } from '../../platform/http/index.ts';
import type { HoldRow } from './holds.repository.ts';

export interface HoldView {
  id: string; type: string; reason: string | null; rule_id: string | null; active: boolean;
  created_at: string | null; created_by: string; expires_at: string | null; expired_at: string | null; released_at: string | null; released_by: string | null;
}

export function toHoldView(row: HoldRow): HoldView {
  return {
    id: row.id, type: row.type, reason: row.reason, rule_id: row.rule_id, active: row.released_at === null,
    created_at: iso(row.created_at), created_by: row.created_by, expires_at: iso(row.expires_at), expired_at: iso(row.expired_at),
    released_at: iso(row.released_at), released_by: row.released_by,
  };
}
