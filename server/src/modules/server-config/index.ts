export { serverConfigRoutes, type ConfigSections } from './server-config.routes';
export { buildServerConfig, SERVER_VERSION } from './server-config.builder';
export { loadStoredCustomConfig } from './custom-config.store';
