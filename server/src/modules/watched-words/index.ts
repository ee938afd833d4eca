export { WatchedWordsListModel, AutomaticTagPolicyModel } from './watched-words.model';
export { WatchedWordsService, type CommentTags } from './watched-words.service';
export { watchedWordsRoutes } from './watched-words.routes';
export { computeAutomaticTags, hasExternalLink } from './automatic-tags';
