export { ROLES, PERMISSIONS, roleHas, type Role, type Permission, type Principal } from './permissions.ts';
export { DEFAULT_TENANT_ID, ensureTenant, createTenant, createApiKey, bootstrapAdminKey, orderNumberSequence, KeyAuthenticator, listKeys, revokeKey, type CreatedKey } from './access.service.ts';
export { installAuth, principalOf, SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER, type SessionResolver, type SessionMatch } from './auth.hook.ts';
export { hashKey } from './keys.ts';
export { accessRoutes } from './access.routes.ts';
