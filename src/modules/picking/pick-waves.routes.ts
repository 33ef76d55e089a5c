import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { PageQuery, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { confirmLine, scan } from './pick-confirm.service.ts';
import { pickListPdf } from './pick-list.pdf.ts';
import { ConfirmInput, EmptyInput, LineParams, ScanInput, WaveInput, WaveListQuery, WaveParams } from './pick-waves.schemas.ts';
import { cancelWave, completeWave, createWave, getWave, listWaves } from './pick-waves.service.ts';

export const pickWaveRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['picking'];

  app.post('/v1/pick-waves', { config: { permission: 'fulfillment:write' }, schema: { tags, body: WaveInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createWave(trx, { tenantId, actor }, body) }));
  });

  app.get('/v1/pick-waves', {
    config: { permission: 'fulfillment:read' }, schema: { tags, querystring: Type.Object({ ...WaveListQuery, ...PageQuery }) },
  }, async (request) => {
    const { location, status, cursor, limit } = request.query;
    return listWaves(db, principalOf(request).tenantId, { location, status, cursor, limit: limit ?? 50 });
  });

  app.get('/v1/pick-waves/:wave', { config: { permission: 'fulfillment:read' }, schema: { tags, params: WaveParams } }, async (request) =>
    getWave(db, principalOf(request).tenantId, request.params.wave));

  app.get('/v1/pick-waves/:wave/pick-list.pdf', { config: { permission: 'fulfillment:read' }, schema: { tags, params: WaveParams } }, async (request, reply) => {
    const wave = await getWave(db, principalOf(request).tenantId, request.params.wave);
    const pdf = await pickListPdf(wave);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="pick-list-${wave.number}.pdf"`).send(pdf);
  });

  app.post('/v1/pick-waves/:wave/lines/:line_id/confirm', {
    config: { permission: 'fulfillment:write' }, schema: { tags, params: LineParams, body: ConfirmInput },
  }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { wave, line_id: lineId } = request.params;
    const { picked } = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await confirmLine(trx, { tenantId, actor }, wave, lineId, picked) }));
  });

  app.post('/v1/pick-waves/:wave/scan', { config: { permission: 'fulfillment:write' }, schema: { tags, params: WaveParams, body: ScanInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { wave } = request.params;
    const { code, quantity } = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await scan(trx, { tenantId, actor }, wave, code, quantity ?? 1) }));
  });

  app.post('/v1/pick-waves/:wave/complete', { config: { permission: 'fulfillment:write' }, schema: { tags, params: WaveParams, body: EmptyInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { wave } = request.params;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await completeWave(trx, { tenantId, actor }, wave) }));
  });

  app.post('/v1/pick-waves/:wave/cancel', { config: { permission: 'fulfillment:write' }, schema: { tags, params: WaveParams, body: EmptyInput } }, async (request, reply) => {
    const { tenantId, actor } = principalOf(request);
    const { wave } = request.params;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await cancelWave(trx, { tenantId, actor }, wave) }));
  });
};
