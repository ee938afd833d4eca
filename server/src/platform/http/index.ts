export { input } from './validate';
export { readAuth, requireUser, requireRight, type AuthUser, type TokenResolver } from './auth';
export { rateLimit, type RateRule } from './rate-limit';
export { skipUnmatchedRouters } from './skip-unmatched-routers';
