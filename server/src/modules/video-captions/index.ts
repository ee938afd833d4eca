export { VideoCaptionModel } from './video-caption.model';
export { VideoCaptionService, type CaptionUpload } from './video-caption.service';
export { videoCaptionRoutes } from './video-caption.routes';
export { videoCaptionStaticRoutes } from './video-captions.static';
export { videoCaptionRepository } from './video-caption.repository';
export { CAPTIONS_STATIC_PATH, captionConfigSection, captionFileUrl, serializeCaption } from './caption-paths';
export { toWebVtt, srtToWebVtt, checkWebVtt, CaptionFormatError } from './caption-format';
