// The customer's return pages call these without a key: the order number and the
// e-mail on the order identify the customer. A wrong e-mail answers exactly like an
// unknown order (404), so the routes reveal nothing about orders one cannot name fully.
// The tenant is the default one unless `?tenant=` names another.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import type { Kdb } from '../../platform/db/index.ts';
import { notFound, runCommand } from '../../platform/http/index.ts';
import { DEFAULT_TENANT_ID } from '../access/index.ts';
import { normalizeEmail } from '../customers/index.ts';
import { lineEligibility } from './return-eligibility.ts';
import { getReturnPolicy } from './return-policy.ts';
import * as repo from './returns.repository.ts';
import { EligibilityQuery, PublicReturnInput, TenantQuery } from './returns.schemas.ts';
import { requestReturn } from './returns.service.ts';

/** The order with this number whose e-mail matches, else the same 404 as an unknown order. */
async function customerOrder(db: Kdb, tenantId: string, number: string, email: string): Promise<repo.ReturnOrder> {
  const order = await repo.findReturnOrder(db, tenantId, number);
  if (!order || !order.email || order.email !== normalizeEmail(email)) throw notFound('Order', number);
  return order;
}

/** What the customer sees: each line with how many units may still be returned, and until when. */
async function eligibility(db: Kdb, tenantId: string, order: repo.ReturnOrder) {
  const [policy, lines] = [await getReturnPolicy(db, tenantId), await repo.loadLineFacts(db, tenantId, order.id)];
  return {
    order: String(order.number), currency: order.currency, window_days: policy.window_days, reasons: policy.reasons,
    lines: lineEligibility(lines, policy, new Date()).map((l) => ({
      line_id: l.line_id, sku: l.sku, name: l.name, quantity: l.quantity, delivered: l.delivered, in_returns: l.in_returns,
      returnable: l.returnable, last_day: l.last_day, window_ends_at: l.window_ends_at, refused: l.refused,
    })),
  };
}

export const publicReturnRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['returns (public)'];

  app.get('/v1/public/returns/eligibility', { config: { permission: 'public' }, schema: { tags, security: [], querystring: EligibilityQuery } }, async (request) => {
    const tenantId = request.query.tenant ?? DEFAULT_TENANT_ID;
    const order = await customerOrder(db, tenantId, request.query.order, request.query.email);
    return eligibility(db, tenantId, order);
  });

  app.post('/v1/public/returns', {
    config: { permission: 'public' }, schema: { tags, security: [], querystring: Type.Object(TenantQuery), body: PublicReturnInput },
  }, async (request, reply) => {
    const tenantId = request.query.tenant ?? DEFAULT_TENANT_ID;
    const { order: number, email, ...input } = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => {
      const order = await customerOrder(trx, tenantId, number, email);
      const view = await requestReturn(trx, { tenantId, actor: 'customer' }, order, input, 'customer');
      // The customer sees the return and its state, not staff notes on it.
      return { status: 201, body: { id: view.id, number: view.number, status: view.status, order: view.order, items: view.items, exchange: view.exchange ? { lines: view.exchange.lines } : null, created_at: view.created_at } };
    });
  });
};
