// All tables, for Drizzle's relational queries and drizzle-kit. Each module owns its own schema file;
// add a line here when a module adds tables, then run `npm run db:generate`.
export * from '../platform/schema.js';
export * from '../modules/guide/schema.js';
export * from '../modules/directory/schema.js';
export * from '../modules/events/schema.js';
export * from '../modules/sprachpool/schema.js';
