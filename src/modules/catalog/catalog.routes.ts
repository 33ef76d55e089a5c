import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { Code, Currency, MoneyAmount, Name, PageQuery, Sku, StrictObject, runCommand } from '../../platform/http/index.ts';
import { principalOf } from '../access/index.ts';
import { createProduct, getProduct, getProductRow, listChannelPricesOf, listProducts, setChannelPrice, updateProduct } from './catalog.service.ts';

const Policy = Type.Enum(['deny', 'continue'], { description: 'continue = sell into backorder' });
const Barcode = Type.String({ minLength: 1, maxLength: 64 });
/** An outside edge of the product as packed, in millimetres (packing suggests boxes from them). */
const EdgeMm = Type.Integer({ minimum: 1, maximum: 100_000 });

const ProductInput = StrictObject({
  sku: Sku, name: Name, price: MoneyAmount, currency: Currency,
  weight_g: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  barcode: Type.Optional(Barcode),
  inventory_policy: Type.Optional(Policy),
  length_mm: Type.Optional(EdgeMm), width_mm: Type.Optional(EdgeMm), height_mm: Type.Optional(EdgeMm),
});

const ProductPatch = StrictObject({
  name: Type.Optional(Name), price: Type.Optional(MoneyAmount), currency: Type.Optional(Currency),
  weight_g: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000 }), Type.Null()])),
  barcode: Type.Optional(Type.Union([Barcode, Type.Null()])),
  inventory_policy: Type.Optional(Policy),
  active: Type.Optional(Type.Boolean()),
  length_mm: Type.Optional(Type.Union([EdgeMm, Type.Null()])), width_mm: Type.Optional(Type.Union([EdgeMm, Type.Null()])),
  height_mm: Type.Optional(Type.Union([EdgeMm, Type.Null()])),
});

const SkuParams = Type.Object({ sku: Type.String({ maxLength: 64 }) });

export const catalogRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;
  const tags = ['catalog'];

  app.post('/v1/products', { config: { permission: 'catalog:write' }, schema: { tags, body: ProductInput } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 201, body: await createProduct(trx, tenantId, body) }));
  });

  app.get('/v1/products', {
    config: { permission: 'catalog:read' },
    schema: { tags, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery }) },
  }, async (request) => {
    const { q, limit, cursor } = request.query;
    return listProducts(db, principalOf(request).tenantId, { q, limit: limit ?? 50, cursor });
  });

  app.get('/v1/products/:sku', { config: { permission: 'catalog:read' }, schema: { tags, params: SkuParams } }, async (request) =>
    getProduct(db, principalOf(request).tenantId, request.params.sku));

  app.patch('/v1/products/:sku', { config: { permission: 'catalog:write' }, schema: { tags, params: SkuParams, body: ProductPatch } }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { sku } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await updateProduct(trx, tenantId, sku, body) }));
  });

  app.get('/v1/products/:sku/prices', { config: { permission: 'catalog:read' }, schema: { tags, params: SkuParams } }, async (request) => {
    const { tenantId } = principalOf(request);
    const product = await getProductRow(db, tenantId, request.params.sku);
    return listChannelPricesOf(db, tenantId, product.id);
  });

  app.put('/v1/products/:sku/prices/:channel', {
    config: { permission: 'catalog:write' },
    schema: { tags, params: Type.Object({ sku: Type.String({ maxLength: 64 }), channel: Code }), body: StrictObject({ price: MoneyAmount, currency: Currency }) },
  }, async (request, reply) => {
    const { tenantId } = principalOf(request);
    const { sku, channel } = request.params;
    const body = request.body;
    return runCommand(db, tenantId, request, reply, async (trx) => ({ status: 200, body: await setChannelPrice(trx, tenantId, sku, channel, body) }));
  });
};
