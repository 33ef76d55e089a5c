// Which page a path shows, and which permission it needs.
import { lazy, Suspense, type ComponentType } from 'react';
import type { Permission } from './api/types.ts';
import { useSession } from './auth/session.tsx';
import { matchPath, useLocation } from './router/router.tsx';
import { OrdersPage } from './pages/orders/OrdersPage.tsx';
import { OrderDetailPage } from './pages/orders/OrderDetailPage.tsx';
import { InventoryPage } from './pages/inventory/InventoryPage.tsx';
import { ProductsPage } from './pages/catalog/ProductsPage.tsx';
import { LocationsPage } from './pages/catalog/LocationsPage.tsx';
import { ChannelsPage } from './pages/catalog/ChannelsPage.tsx';
import { CustomersPage } from './pages/customers/CustomersPage.tsx';
import { CustomerDetailPage } from './pages/customers/CustomerDetailPage.tsx';
import { ApiKeysPage } from './pages/settings/ApiKeysPage.tsx';
import { UsersPage } from './pages/settings/UsersPage.tsx';
import { ProductEditPage } from './pages/catalog/ProductEditPage.tsx';
import { LocationEditPage } from './pages/catalog/LocationEditPage.tsx';
import { ChannelEditPage } from './pages/catalog/ChannelEditPage.tsx';
import { NotFoundPage, ForbiddenPage } from './pages/NotFoundPage.tsx';
import { Loading } from './ui/States.tsx';
import { PageErrorBoundary } from './ui/PageErrorBoundary.tsx';

// The charts library is the biggest dependency; only the pages with charts load it.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const ProductForecastPage = lazy(() => import('./pages/forecasting/ProductForecastPage.tsx').then((m) => ({ default: m.ProductForecastPage })));
const ReplenishmentPage = lazy(() => import('./pages/forecasting/ReplenishmentPage.tsx').then((m) => ({ default: m.ReplenishmentPage })));
// Settings pages load on first use (admins, now and then).
const RoutingSettingsPage = lazy(() => import('./pages/settings/RoutingSettingsPage.tsx').then((m) => ({ default: m.RoutingSettingsPage })));
const HoldRulesPage = lazy(() => import('./pages/settings/HoldRulesPage.tsx').then((m) => ({ default: m.HoldRulesPage })));
const ReturnPolicyPage = lazy(() => import('./pages/settings/ReturnPolicyPage.tsx').then((m) => ({ default: m.ReturnPolicyPage })));
const WebhooksPage = lazy(() => import('./pages/settings/WebhooksPage.tsx').then((m) => ({ default: m.WebhooksPage })));
const BoxesPage = lazy(() => import('./pages/settings/BoxesPage.tsx').then((m) => ({ default: m.BoxesPage })));
const CarrierServicesPage = lazy(() => import('./pages/settings/CarrierServicesPage.tsx').then((m) => ({ default: m.CarrierServicesPage })));
const StageOrdersPage = lazy(() => import('./pages/dashboard/StageOrdersPage.tsx').then((m) => ({ default: m.StageOrdersPage })));
// Fulfillment pages load on first use (warehouse staff; their own stylesheet).
const WavesPage = lazy(() => import('./pages/fulfillment/WavesPage.tsx').then((m) => ({ default: m.WavesPage })));
const WaveDetailPage = lazy(() => import('./pages/fulfillment/WaveDetailPage.tsx').then((m) => ({ default: m.WaveDetailPage })));
const PackStationPage = lazy(() => import('./pages/fulfillment/PackStationPage.tsx').then((m) => ({ default: m.PackStationPage })));
const ShipmentsPage = lazy(() => import('./pages/fulfillment/ShipmentsPage.tsx').then((m) => ({ default: m.ShipmentsPage })));
const ShipmentDetailPage = lazy(() => import('./pages/fulfillment/ShipmentDetailPage.tsx').then((m) => ({ default: m.ShipmentDetailPage })));
const PickupsPage = lazy(() => import('./pages/fulfillment/PickupsPage.tsx').then((m) => ({ default: m.PickupsPage })));
// Order editing and returns load on first use (staff who handle after-sales).
const OrderEditPage = lazy(() => import('./pages/orders/edit/OrderEditPage.tsx').then((m) => ({ default: m.OrderEditPage })));
const NewReturnPage = lazy(() => import('./pages/returns/NewReturnPage.tsx').then((m) => ({ default: m.NewReturnPage })));
const ReturnsPage = lazy(() => import('./pages/returns/ReturnsPage.tsx').then((m) => ({ default: m.ReturnsPage })));
const ReturnDetailPage = lazy(() => import('./pages/returns/ReturnDetailPage.tsx').then((m) => ({ default: m.ReturnDetailPage })));

interface Route { path: string; permission: Permission; page: ComponentType<{ params: Record<string, string> }> }

const ROUTES: Route[] = [
  { path: '/', permission: 'reports:read', page: DashboardPage },
  { path: '/orders', permission: 'orders:read', page: OrdersPage },
  { path: '/orders/:order', permission: 'orders:read', page: OrderDetailPage },
  { path: '/orders/:order/edit', permission: 'orders:manage', page: OrderEditPage },
  { path: '/orders/:order/returns/new', permission: 'returns:manage', page: NewReturnPage },
  { path: '/returns', permission: 'returns:read', page: ReturnsPage },
  { path: '/returns/:return', permission: 'returns:read', page: ReturnDetailPage },
  { path: '/inventory', permission: 'inventory:read', page: InventoryPage },
  { path: '/products', permission: 'catalog:read', page: ProductsPage },
  { path: '/products/:sku', permission: 'forecasts:read', page: ProductForecastPage },
  { path: '/products/:sku/edit', permission: 'catalog:write', page: ProductEditPage },
  { path: '/reports/stages/:stage', permission: 'reports:read', page: StageOrdersPage },
  { path: '/replenishment', permission: 'forecasts:read', page: ReplenishmentPage },
  { path: '/customers', permission: 'customers:read', page: CustomersPage },
  { path: '/customers/:customer', permission: 'customers:read', page: CustomerDetailPage },
  { path: '/locations', permission: 'settings:read', page: LocationsPage },
  { path: '/locations/:code/edit', permission: 'settings:write', page: LocationEditPage },
  { path: '/fulfillment/waves', permission: 'fulfillment:read', page: WavesPage },
  { path: '/fulfillment/waves/:wave', permission: 'fulfillment:read', page: WaveDetailPage },
  { path: '/fulfillment/pack', permission: 'fulfillment:read', page: PackStationPage },
  { path: '/fulfillment/shipments', permission: 'fulfillment:read', page: ShipmentsPage },
  { path: '/fulfillment/shipments/:shipment', permission: 'fulfillment:read', page: ShipmentDetailPage },
  { path: '/fulfillment/pickups', permission: 'fulfillment:read', page: PickupsPage },
  { path: '/channels', permission: 'settings:read', page: ChannelsPage },
  { path: '/channels/:code/edit', permission: 'settings:write', page: ChannelEditPage },
  { path: '/settings/routing', permission: 'settings:read', page: RoutingSettingsPage },
  { path: '/settings/hold-rules', permission: 'payments:read', page: HoldRulesPage },
  { path: '/settings/return-policy', permission: 'returns:read', page: ReturnPolicyPage },
  { path: '/settings/webhooks', permission: 'webhooks:manage', page: WebhooksPage },
  { path: '/settings/boxes', permission: 'fulfillment:read', page: BoxesPage },
  { path: '/settings/carrier-services', permission: 'settings:read', page: CarrierServicesPage },
  { path: '/settings/api-keys', permission: 'keys:manage', page: ApiKeysPage },
  { path: '/settings/users', permission: 'users:manage', page: UsersPage },
];

export function RoutedPage() {
  const { pathname } = useLocation();
  const { can } = useSession();
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (!can(route.permission)) return <ForbiddenPage />;
    const Page = route.page;
    // The key remounts a page when its params change (another order, another customer).
    return <PageErrorBoundary key={pathname}><Suspense fallback={<Loading />}><Page params={params} /></Suspense></PageErrorBoundary>;
  }
  return <NotFoundPage />;
}
