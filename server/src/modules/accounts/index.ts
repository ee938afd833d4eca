export { AccountModel } from './account.model';
export { accountRepository, accountInclude } from './account.repository';
export { serializeAccount, serializeAccountSummary, type AccountLike } from './account.serializer';
export { accountRoutes } from './account.routes';
