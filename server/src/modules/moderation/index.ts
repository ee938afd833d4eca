export { AbuseModel, AbuseMessageModel, VideoBlockModel } from './abuse.model';
export { AbuseService } from './abuse.service';
export { abuseRoutes } from './abuse.routes';
export { VideoBlockService } from './video-block.service';
export { videoBlockRoutes } from './video-block.routes';
export { hiddenAccountSql, hiddenVideoSql, videoHideReason } from './hidden-content';
