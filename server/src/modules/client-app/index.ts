export { clientAppRoutes, DEFAULT_CLIENT_DIST, type ClientAppOptions } from './client-app.routes';
