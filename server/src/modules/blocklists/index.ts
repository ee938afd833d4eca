export { AccountBlockModel, ServerBlockModel } from './blocklist.model';
export { BlocklistService } from './blocklist.service';
export { blocklistRoutes } from './blocklist.routes';
