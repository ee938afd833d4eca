export { AuthService } from './auth.service';
export { authRoutes } from './auth.routes';
export { hashPassword, verifyPassword } from './password';
export { cleanupExpiredTokensJob } from './cleanup-expired-tokens.job';
export { OAuthClientModel, OAuthTokenModel } from './oauth.model';
