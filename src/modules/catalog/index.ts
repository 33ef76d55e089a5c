export { catalogRoutes } from './catalog.routes.ts';
export { createProduct, updateProduct, getProduct, getProductRow, listProducts, setChannelPrice, type ProductInput } from './catalog.service.ts';
export { findProductsBySkus, findChannelPrices } from './catalog.repository.ts';
export { toProductView, type ProductRow, type ProductView } from './product.ts';
