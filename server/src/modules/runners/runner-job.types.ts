import type { LadderRendition } from '@shoal/models';

/** A rendition the server expects back, checked against the probe of the uploaded file. */
export type ExpectedRendition = Pick<LadderRendition, 'resolution' | 'width' | 'height' | 'fps'>;

/** Accepted result of an HLS job, kept until the whole run is published. */
export interface StoredHlsResult {
  resolution: number;
  mediaPath: string;
  playlistPath: string;
}

/** Server-side data of a job: never sent to runners (admins see it). */
export interface RunnerJobPrivatePayload {
  videoId: number;
  videoUUID: string;
  sourceId: number;
  /** Source duration in seconds: results must last as long, within a tolerance. */
  duration: number;
  /** What each rendition of this job must look like (one for per-rendition jobs). */
  renditions: ExpectedRendition[];
  /** Input file made by the parent job (audio merge), instead of the original upload. */
  inputPath?: string;
  /** Accepted results (HLS files moved into the run folder, or the merged video). */
  results?: StoredHlsResult[];
  mergedPath?: string;
  /** Set on the run's first job once the run was published. */
  published?: boolean;
}
