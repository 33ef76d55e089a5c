import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PageQuery, Problem, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { runPaymentsAfterCommit } from '../payments/index.ts';
import { getOrderRecordFor } from '../orders/index.ts';
import { getRates } from './rates.service.ts';
import { createShipment } from './shipments.service.ts';
import { getLabel, getShipment, listShipments } from './shipments.queries.ts';
import { FulfillmentOrderParams, ShipmentInput, ShipmentListQuery, ShipmentParams, TrackingEventInput } from './shipping.schemas.ts';
import { eventTime, recordTrackingEvent } from './tracking.service.ts';

export const shipmentRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['shipping'];

  app.get('/v1/fulfillment-orders/:id/rates', { config: { permission: 'fulfillment:read' }, schema: { tags, params: FulfillmentOrderParams } }, async (request) =>
    getRates(db, principalOf(request).tenantId, request.params.id));

  app.post('/v1/fulfillment-orders/:id/shipments', {
    config: { permission: 'fulfillment:write' }, schema: { tags, params: FulfillmentOrderParams, body: ShipmentInput },
    // Captures queued by the shipment run right after commit (the worker retries what fails).
    preSerialization: runPaymentsAfterCommit<{ order?: { id: string } }>(db, (s) => s.order?.id ?? null),
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createShipment(trx, { tenantId, actor }, id, body) }));
  });

  app.get('/v1/shipments', {
    config: { permission: 'fulfillment:read' }, schema: { tags, querystring: Type.Object({ ...ShipmentListQuery, ...PageQuery }) },
  }, async (request) => {
    const principal = principalOf(request);
    const { order, status, cursor, limit } = request.query;
    // An order that does not exist (or is not this principal's) has no shipments.
    const orderId = order === undefined ? undefined
      : (await getOrderRecordFor(db, principal, order).catch((error: unknown) => { if (error instanceof Problem && error.code === 'not_found') return null; throw error; }))?.id;
    if (order !== undefined && orderId === undefined) return { data: [], next_cursor: null };
    return listShipments(db, principal.tenantId, { orderId, status, cursor, limit: limit ?? 50 });
  });

  app.get('/v1/shipments/:id', { config: { permission: 'fulfillment:read' }, schema: { tags, params: ShipmentParams } }, async (request) =>
    getShipment(db, principalOf(request).tenantId, request.params.id));

  app.get('/v1/shipments/:id/label.pdf', { config: { permission: 'fulfillment:read' }, schema: { tags, params: ShipmentParams } }, async (request, reply) => {
    const label = await getLabel(db, principalOf(request).tenantId, request.params.id);
    return reply.type('application/pdf')
      .header('content-disposition', `inline; filename="label-${label.trackingNumber ?? request.params.id}.pdf"`)
      .send(label.pdf);
  });

  app.post('/v1/shipments/:id/events', {
    config: { permission: 'fulfillment:write' }, schema: { tags, params: ShipmentParams, body: TrackingEventInput },
    // A delivery may capture cash on delivery: run it right after commit.
    preSerialization: runPaymentsAfterCommit<{ order?: { id: string } }>(db, (s) => s.order?.id ?? null),
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { id } = request.params;
    const body = request.body;
    const occurredAt = eventTime(body.occurred_at, 'occurred_at');
    return runCommand(db, tenantId, request, reply, async (trx) => ({
      status: 200,
      body: await recordTrackingEvent(trx, tenantId, actor, id, { status: body.status, occurredAt, description: body.description ?? null, place: body.place ?? null }, actor),
    }));
  });
};
