export { AccountModel } from './account.model';
export { accountRepository, accountInclude } from './account.repository';
export { serializeAccount, serializeAccountSummary } from './account.serializer';
export { accountRoutes } from './account.routes';
