export { ROLES, PERMISSIONS, roleHas, type Role, type Permission, type Principal } from './permissions.ts';
export { DEFAULT_TENANT_ID, ensureTenant, createTenant, createApiKey, bootstrapAdminKey, orderNumberSequence, KeyAuthenticator, listKeys, revokeKey, type CreatedKey } from './access.service.ts';
export { installAuth, principalOf } from './auth.hook.ts';
export { accessRoutes } from './access.routes.ts';
