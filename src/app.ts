// buildApp(context): the Fastify application with every platform plugin and module
// route registered. It never listens; server.ts does, and tests use inject().
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './app-context.ts';
import { installErrorHandlers, installJsonBodyParser, installMetrics, installOpenApi, installRateLimit, validatorCompiler } from './platform/http/index.ts';
import { accessRoutes, installAuth } from './modules/access/index.ts';
import { catalogRoutes } from './modules/catalog/index.ts';
import { channelRoutes } from './modules/channels/index.ts';
import { customerRoutes } from './modules/customers/index.ts';
import { inventoryRoutes } from './modules/inventory/index.ts';
import { locationRoutes } from './modules/locations/index.ts';
import { orderRoutes } from './modules/orders/index.ts';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export interface BuildOptions {
  /** false silences request logs (tests); otherwise pino at config.logLevel. */
  logger?: boolean;
}

/** Builds the application around an open database. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: ctx.config.bodyLimitBytes,
    requestTimeout: ctx.config.requestTimeoutMs,
    connectionTimeout: ctx.config.requestTimeoutMs,
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

  installErrorHandlers(app);
  installJsonBodyParser(app);
  await installOpenApi(app);
  installMetrics(app);
  // Limits apply before authentication, so floods of bad keys are limited too.
  await installRateLimit(app, ctx.config.rateLimitPerMinute);
  installAuth(app, ctx.authenticator);

  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok', database: ctx.db.kind }));

  for (const routes of [accessRoutes, channelRoutes, locationRoutes, catalogRoutes, customerRoutes, inventoryRoutes, orderRoutes]) {
    await app.register(routes, { ctx });
  }
  return app;
}
