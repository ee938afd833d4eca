export { loadConfig, ConfigError } from './config.loader';
export type { Config } from './config.schema';
export { parseDuration, parseBytes } from './duration';
