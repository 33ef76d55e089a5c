import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { MoneyAmount, StrictObject, notFound, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { getOrderRecordFor } from '../orders/index.ts';
import { PAYMENT_PROVIDERS } from './providers/registry.ts';
import { addPayment, markPaid } from './payment-intake.ts';
import { loadPaymentViews, loadRefundViews } from './payment.view.ts';
import { getPaymentSettings, putPaymentSettings } from './payment-settings.ts';
import { issueRefund } from './payments.service.ts';
import { settleAfterCommit } from './after-commit.ts';

const OrderParams = Type.Object({ order: Type.String({ minLength: 1, maxLength: 64, description: 'Order id or number' }) });
const PaymentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const PaymentInputSchema = StrictObject({
  provider: Type.Enum(PAYMENT_PROVIDERS),
  token: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  method: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
const RefundInput = StrictObject({ amount: Type.Integer({ minimum: 1, maximum: 100_000_000_000 }), reason: Type.String({ minLength: 1, maxLength: 500 }) });
const MarkPaidInput = Type.Union([StrictObject({ amount: Type.Optional(MoneyAmount) }), Type.Null()]);
const SettingsInput = StrictObject({ declined_hold_minutes: Type.Integer({ minimum: 1, maximum: 525_600 }) });

export const paymentRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['payments'];
  type Ref = { id: string; order_id: string };
  const orderIdOf = (p: Ref) => p.order_id;
  const reloadPayment = async (p: Ref, request: FastifyRequest) => (await loadPaymentViews(db, principalOf(request).tenantId, { paymentId: p.id }))[0] ?? p;
  const reloadRefund = async (r: Ref, request: FastifyRequest) => {
    const fresh = (await loadRefundViews(db, principalOf(request).tenantId, r.order_id)).find((x) => x.id === r.id);
    return fresh ? { ...r, ...fresh } : r;
  };

  app.post('/v1/orders/:order/payments', {
    config: { permission: 'payments:manage' }, schema: { tags, params: OrderParams, body: PaymentInputSchema },
    preSerialization: settleAfterCommit(db, orderIdOf, reloadPayment),
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { order: key } = request.params;
    const body = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => {
      const order = await getOrderRecordFor(trx, principal, key);
      const id = await addPayment(trx, principal.tenantId, principal.actor, order, body);
      return { status: 201, body: (await loadPaymentViews(trx, principal.tenantId, { paymentId: id }))[0] };
    });
  });

  app.post('/v1/payments/:id/mark-paid', { config: { permission: 'payments:manage' }, schema: { tags, params: PaymentParams, body: Type.Optional(MarkPaidInput) } }, async (request, reply) => {
    const principal = principalOf(request);
    const { id } = request.params;
    const amount = request.body?.amount;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => {
      await markPaid(trx, principal.tenantId, principal.actor, id, amount);
      return { status: 200, body: (await loadPaymentViews(trx, principal.tenantId, { paymentId: id }))[0] };
    });
  });

  app.get('/v1/payments/:id', { config: { permission: 'payments:read' }, schema: { tags, params: PaymentParams } }, async (request) => {
    const principal = principalOf(request);
    const view = (await loadPaymentViews(db, principal.tenantId, { paymentId: request.params.id }))[0];
    if (!view) throw notFound('Payment', request.params.id);
    await getOrderRecordFor(db, principal, view.order_id);
    return view;
  });

  app.post('/v1/orders/:order/refunds', {
    config: { permission: 'payments:manage' }, schema: { tags, params: OrderParams, body: RefundInput },
    preSerialization: settleAfterCommit(db, orderIdOf, reloadRefund),
  }, async (request, reply) => {
    const principal = principalOf(request);
    const { order: key } = request.params;
    const { amount, reason } = request.body;
    return runCommand(db, principal.tenantId, request, reply, async (trx) => {
      const order = await getOrderRecordFor(trx, principal, key);
      return { status: 201, body: await issueRefund(trx, principal.tenantId, principal.actor, order.id, amount, { reason }) };
    });
  });

  app.get('/v1/orders/:order/refunds', { config: { permission: 'payments:read' }, schema: { tags, params: OrderParams } }, async (request) => {
    const principal = principalOf(request);
    const order = await getOrderRecordFor(db, principal, request.params.order);
    return { data: await loadRefundViews(db, principal.tenantId, order.id), next_cursor: null };
  });

  app.get('/v1/settings/payments', { config: { permission: 'settings:read' }, schema: { tags } }, async (request) =>
    getPaymentSettings(db, principalOf(request).tenantId));

  app.put('/v1/settings/payments', { config: { permission: 'payments:manage' }, schema: { tags, body: SettingsInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await putPaymentSettings(trx, tenantId, body) }));
  });
};
