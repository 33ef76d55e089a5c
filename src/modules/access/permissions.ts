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
  'inventory:read': ALL,
  'inventory:write': ['admin', 'warehouse'],
  'customers:read': ['admin', 'operator', 'analyst'],
  'customers:write': ['admin', 'operator'],
  // A channel key creates and reads orders, but only those of its own channel.
  'orders:read': ALL,
  'orders:create': ['admin', 'operator', 'channel'],
  'orders:manage': ['admin', 'operator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** True when the role holds the permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The identity behind a request: one API key of one tenant. */
export interface Principal {
  tenantId: string;
  keyId: string;
  role: Role;
  /** Set for `channel` keys: the only channel whose orders the key may see. */
  channelId: string | null;
  /** What the timeline records as the actor, e.g. `key:key_01…`. */
  actor: string;
}
