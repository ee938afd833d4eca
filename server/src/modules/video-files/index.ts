export { VideoFileAccess, type ViewAccess, type FileRequest } from './video-file-access.service';
export { createHotHlsFiles, videoFileStaticRoutes } from './video-files.static';
export { hotHlsFastPath } from './hot-hls.fast-path';
export { PUBLIC_CACHE } from './media-response';
export { videoFileDownloadRoutes } from './video-files.download';
export { videoFileApiRoutes } from './video-files.routes';
export { VIDEO_FILE_TOKEN_TTL_MS } from './video-file-token';
