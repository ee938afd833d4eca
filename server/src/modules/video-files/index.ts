export { VideoFileAccess, type ViewAccess, type FileRequest } from './video-file-access.service';
export { videoFileStaticRoutes } from './video-files.static';
export { videoFileDownloadRoutes } from './video-files.download';
export { videoFileApiRoutes } from './video-files.routes';
export { VIDEO_FILE_TOKEN_TTL_MS } from './video-file-token';
