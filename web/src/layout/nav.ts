// The navigation as data: sections of links, each shown only to roles that may use it.
// New areas (fulfillment, shipping, returns, payments) join as entries here.
import type { Permission } from '../api/types.ts';

export interface NavItem { label: string; to: string; permission: Permission }
export interface NavSection { label: string; items: NavItem[] }

export const NAV: NavSection[] = [
  { label: 'Overview', items: [{ label: 'Dashboard', to: '/', permission: 'reports:read' }] },
  {
    label: 'Sell',
    items: [
      { label: 'Orders', to: '/orders', permission: 'orders:read' },
      { label: 'Customers', to: '/customers', permission: 'customers:read' },
      { label: 'Returns', to: '/returns', permission: 'returns:read' },
    ],
  },
  {
    label: 'Stock',
    items: [
      { label: 'Inventory', to: '/inventory', permission: 'inventory:read' },
      { label: 'Products', to: '/products', permission: 'catalog:read' },
      { label: 'Replenishment', to: '/replenishment', permission: 'forecasts:read' },
      { label: 'Locations', to: '/locations', permission: 'settings:read' },
    ],
  },
  {
    label: 'Fulfillment',
    items: [
      { label: 'Waves', to: '/fulfillment/waves', permission: 'fulfillment:read' },
      { label: 'Pack station', to: '/fulfillment/pack', permission: 'fulfillment:read' },
      { label: 'Shipments', to: '/fulfillment/shipments', permission: 'fulfillment:read' },
      { label: 'Pickups', to: '/fulfillment/pickups', permission: 'fulfillment:read' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { label: 'Channels', to: '/channels', permission: 'settings:read' },
      { label: 'Routing', to: '/settings/routing', permission: 'settings:read' },
      { label: 'Hold rules', to: '/settings/hold-rules', permission: 'payments:read' },
      { label: 'Return policy', to: '/settings/return-policy', permission: 'returns:read' },
      { label: 'Carrier services', to: '/settings/carrier-services', permission: 'settings:read' },
      { label: 'Boxes', to: '/settings/boxes', permission: 'fulfillment:read' },
      { label: 'Webhooks', to: '/settings/webhooks', permission: 'webhooks:manage' },
      { label: 'API keys', to: '/settings/api-keys', permission: 'keys:manage' },
      { label: 'Users', to: '/settings/users', permission: 'users:manage' },
    ],
  },
];

/** True when `to` is the current section (the dashboard only on its own path). */
export function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}
