// Who may do what. Routes name a permission; this table says which roles hold it.
export const ROLES = ['admin', 'operator', 'warehouse', 'analyst', 'channel'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  'catalog:read': ALL,
  'catalog:write': ['admin'],
  'settings:read': ['admin', 'operator', 'warehouse', 'analyst', 'channel'],
  'settings:write': ['admin'],
  'keys:manage': ['admin'],
  'users:manage': ['admin'],
  // Anyone signed in may read who they are.
  'account:read': ALL,
  // Dashboards and reports: every staff role, not channel keys.
  'reports:read': ['admin', 'operator', 'warehouse', 'analyst'],
  'inventory:read': ALL,
  'inventory:write': ['admin', 'warehouse'],
  'customers:read': ['admin', 'operator', 'analyst'],
  'customers:write': ['admin', 'operator'],
  // A channel key creates and reads orders, but only those of its own channel.
  'orders:read': ALL,
  'orders:create': ['admin', 'operator', 'channel'],
  'orders:manage': ['admin', 'operator'],
  // Purchasing and replenishment: warehouse staff order and receive stock; everyone but
  // channel keys may look at purchase orders, forecasts and suggestions.
  'purchasing:read': ['admin', 'operator', 'warehouse', 'analyst'],
  'purchasing:write': ['admin', 'warehouse'],
  'forecasts:read': ['admin', 'operator', 'warehouse', 'analyst'],
  // Fulfillment: routing, fulfillment orders, pick waves, packing, shipments. Warehouse
  // staff run it; operators may re-route and look; analysts look.
  'fulfillment:read': ['admin', 'operator', 'warehouse', 'analyst'],
  'fulfillment:write': ['admin', 'warehouse'],
  'routing:manage': ['admin', 'operator'],
  // Money: payments, refunds, holds, order edits.
  'payments:read': ['admin', 'operator', 'analyst'],
  'payments:manage': ['admin', 'operator'],
  // Returns: operators approve and refund; warehouse staff receive the parcels.
  'returns:read': ['admin', 'operator', 'warehouse', 'analyst'],
  'returns:manage': ['admin', 'operator'],
  'returns:receive': ['admin', 'operator', 'warehouse'],
  'webhooks:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when the role holds the permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The identity behind a request: one API key, or one signed-in user's session, of one tenant. */
export interface Principal {
  tenantId: string;
  /** The credential: an API key id (`key_…`) or a session id (`ses_…`). */
  keyId: string;
  role: Role;
  /** Set for `channel` keys: the only channel whose orders the key may see. */
  channelId: string | null;
  /** What the timeline records as the actor, e.g. `key:key_01…` or `user:usr_01…`. */
  actor: string;
  /** Set when a signed-in user (session cookie) makes the request. */
  userId?: string | undefined;
}
