export { TranscodingService } from './transcoding.service';
export { transcodingRoutes } from './transcoding.routes';
export { transcodeVideoJob, TRANSCODE_ATTEMPTS } from './transcode-video.job';
export { transcodingSettings, transcodingConfigSections, enabledResolutions, type TranscodingSettings } from './transcoding-settings';
