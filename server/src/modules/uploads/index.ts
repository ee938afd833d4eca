export { UploadSessionModel } from './upload-session.model';
export { VideoCreationService, type StartTranscoding, type OnVideoCreated } from './video-creation.service';
export { ResumableUploadService } from './resumable-upload.service';
export { resumableUploadRoutes } from './resumable-upload.routes';
export { legacyUploadRoutes } from './legacy-upload.routes';
export { cleanupUploadSessionsJob } from './cleanup-upload-sessions.job';
export { quotaUsed } from './quota';
export { acceptedExtensions } from './media-check';
