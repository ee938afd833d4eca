import { z } from 'zod';
import type { LabeledValue } from '../common/constant';
import { queryBoolean } from '../common/pagination.schema';

/** Shape of a video file token as we issue it; anything else is refused before any crypto. */
export const VIDEO_FILE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,200}(\.[A-Za-z0-9_-]{0,200}){3}$/;

/** Query of media file requests (`/static/…`, `/download/…`, `/lazy-static/…`). */
export const videoFileQuerySchema = z.object({
  videoFileToken: z.string().max(1000).optional(),
  reinjectVideoFileToken: queryBoolean.optional(),
});

/** `POST /videos/:id/token`. */
export interface VideoFileTokenResponse {
  files: { token: string; expires: string };
}

/** `GET /videos/:id/source`. */
export interface VideoSource {
  inputFilename: string;
  /** Deprecated alias of inputFilename kept for PeerTube < 6.1 clients. */
  filename: string;
  fileDownloadUrl: string | null;
  resolution: LabeledValue<number>;
  size: number;
  fps: number;
  width: number;
  height: number;
  metadata: unknown;
  createdAt: string;
}
