export { createSequelize, databaseUrl, withTransaction } from './database';
export { runMigrations, type Migration } from './migrator';
export { ensureDatabaseExists } from './create-database';
