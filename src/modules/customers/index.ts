export { customerRoutes } from './customers.routes.ts';
export { upsertCustomer, normalizeEmail, getCustomer, listCustomers, type CustomerInput } from './customers.service.ts';
