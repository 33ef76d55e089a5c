// buildApp(context): the Fastify application with every platform plugin and module
// route registered. It never listens; server.ts does, and tests use inject().
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AppContext } from './app-context.ts';
import { installErrorHandlers, installJsonBodyParser, installMetrics, installOpenApi, installPublicRateLimit, installRateLimit, installWebApp, isClientRoute, validatorCompiler, type WebApp } from './platform/http/index.ts';
import { accessRoutes, installAuth } from './modules/access/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { channelRoutes } from './modules/channels/index.ts';
import { customerRoutes } from './modules/customers/index.ts';
import { inventoryRoutes } from './modules/inventory/index.ts';
import { locationRoutes } from './modules/locations/index.ts';
import { orderEditRoutes, orderRoutes } from './modules/orders/index.ts';
import { SessionAuthenticator, userRoutes } from './modules/users/index.ts';
import { analyticsRoutes } from './modules/analytics/index.ts';
import { purchasingRoutes } from './modules/purchasing/index.ts';
import { forecastingRoutes } from './modules/forecasting/index.ts';
import { returnRoutes } from './modules/returns/index.ts';
import { surveyRoutes } from './modules/surveys/index.ts';
import { pickingRoutes } from './modules/picking/index.ts';
import { packingRoutes } from './modules/packing/index.ts';
import { shippingRoutes } from './modules/shipping/index.ts';
import { allocateBackorders, fulfillmentRoutes } from './modules/fulfillment/index.ts';
import { routingRoutes } from './modules/routing/index.ts';
import { notificationRoutes } from './modules/notifications/index.ts';
import { webhookRoutes } from './modules/webhooks/index.ts';
import { paymentRoutes } from './modules/payments/index.ts';
import { holdRoutes } from './modules/holds/index.ts';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export interface BuildOptions {
  /** false silences request logs (tests); otherwise pino at config.logLevel. */
  logger?: boolean;
  /** The built web app's folder (default web/dist); false serves no web app. */
  webRoot?: string | false;
}

/** Trusts the nearest `hops` proxies (what Fastify does for a number; its types take only a function). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** Builds the application around an open database. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: ctx.config.bodyLimitBytes,
    // request.ip (the per-address limits) is the socket's address unless proxies are trusted.
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    // Node enforces requestTimeout only when it sweeps connections (every 30 s by
    // default): sweep every second so a slow client is cut off near the limit.
    serverFactory: (handler) => createServer({
      requestTimeout: ctx.config.requestTimeoutMs,
      headersTimeout: Math.min(ctx.config.requestTimeoutMs, 60_000),
      connectionsCheckingInterval: 1_000,
    }, handler),
    routerOptions: { maxParamLength: 200 },
    // Honour a caller's request id so one id follows a request across systems.
    requestIdHeader: false,
    genReqId: (request) => {
      const sent = request.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID_PATTERN.test(sent) ? sent : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', request.id); });

  // Unmatched GETs of client routes get the web app's page (once it is registered below).
  let web: WebApp | null = null;
  installErrorHandlers(app, { notFoundFallback: (request, reply) => (web && isClientRoute(request) ? web.sendIndex(reply) : null) });
  installJsonBodyParser(app);
  await installOpenApi(app);
  installMetrics(app);
  // Limits apply before authentication, so floods of bad keys are limited too.
  await installRateLimit(app, ctx.config.rateLimitPerMinute);
  installPublicRateLimit(app, ctx.config.publicRateLimitPerMinute);
  installAuth(app, ctx.authenticator, new SessionAuthenticator(ctx.db.kysely));

  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok', database: ctx.db.kind }));

  // Stock arrivals allocate waiting backorders in their own transaction.
  await app.register(inventoryRoutes, { ctx, onStockArrived: allocateBackorders });
  for (const routes of [accessRoutes, channelRoutes, locationRoutes, catalogRoutes, customerRoutes, orderRoutes, orderEditRoutes,
    userRoutes, analyticsRoutes, returnRoutes, surveyRoutes,
    purchasingRoutes, forecastingRoutes, pickingRoutes, packingRoutes, shippingRoutes, fulfillmentRoutes, routingRoutes,
    notificationRoutes, webhookRoutes, paymentRoutes, holdRoutes]) {
    await app.register(routes, { ctx });
  }
  web = options.webRoot === false ? null : await installWebApp(app, options.webRoot);
  if (!web && options.webRoot !== false) app.log.warn('web app not built (no web/dist/index.html): the API runs without it; run `npm run build:web`');
  return app;
}
