export { seedDemo, type SeedOptions, type SeedResult } from './seed.ts';
