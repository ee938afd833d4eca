import { defineJob } from '../../platform/queue';
import type { ResumableUploadService } from './resumable-upload.service';

export function cleanupUploadSessionsJob(uploads: ResumableUploadService) {
  return defineJob({
    name: 'cleanup-upload-sessions',
    async handler() {
      await uploads.cleanup();
    },
  });
}
