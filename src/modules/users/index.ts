export { userRoutes } from './users.routes.ts';
export { SessionAuthenticator } from './session.authenticator.ts';
export { ensureDemoAdmin, DEMO_ADMIN_EMAIL } from './bootstrap.ts';
export { USER_ROLES, createUser, updateUser, listUsers, login, pruneAuthRecords, LOGIN_ATTEMPTS_MAX, LOGIN_WINDOW_MS, type UserRole, type UserView } from './users.service.ts';
export { hashPassword, verifyPassword, PASSWORD_LENGTH_MIN } from './passwords.ts';
