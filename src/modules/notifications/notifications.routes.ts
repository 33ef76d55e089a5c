import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { principalOf } from '../access/index.ts';
import { getOrderRecordFor } from '../orders/index.ts';
import { listOrderNotifications } from './notifications.repository.ts';

const OrderParams = Type.Object({ order: Type.String({ minLength: 1, maxLength: 64, description: 'Order id or number' }) });

export const notificationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  // Whoever may read the order may read the mails sent about it (a channel key: its own orders only).
  app.get('/v1/orders/:order/notifications', { config: { permission: 'orders:read' }, schema: { tags: ['orders'], params: OrderParams } }, async (request) => {
    const principal = principalOf(request);
    const order = await getOrderRecordFor(db, principal, request.params.order);
    return { data: await listOrderNotifications(db, principal.tenantId, order.id), next_cursor: null };
  });
};
