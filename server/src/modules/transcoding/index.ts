export { TranscodingService } from './transcoding.service';
export { transcodingRoutes } from './transcoding.routes';
export { transcodeVideoJob, TRANSCODE_ATTEMPTS } from './transcode-video.job';
export { transcodingSettings, transcodingConfigSections, enabledResolutions, type TranscodingSettings } from './transcoding-settings';
export { publishExternalRenditions } from './external-renditions';
export { readSource } from './transcoding.pipeline';
export { planFor } from './hls-ladder.step';
export { transcodingRepository } from './transcoding.repository';
export { writePlainBackground } from './video-images.step';
