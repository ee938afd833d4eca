/** Machine-readable error codes sent in problem+json `code` (PeerTube's names where they exist). */
export const ServerErrorCode = {
  // PeerTube's own codes
  MAX_FILE_SIZE_REACHED: 'max_file_size_reached',
  QUOTA_REACHED: 'quota_reached',
  INCORRECT_VIDEO_PASSWORD: 'incorrect_video_password',
  VIDEO_REQUIRES_PASSWORD: 'video_requires_password',
  VIDEO_ALREADY_BEING_TRANSCODED: 'video_already_being_transcoded',
  UNKNOWN_RUNNER_TOKEN: 'unknown_runner_token',
  RUNNER_JOB_NOT_IN_PROCESSING_STATE: 'runner_job_not_in_processing_state',
  RUNNER_JOB_NOT_IN_PENDING_STATE: 'runner_job_not_in_pending_state',
  ACCOUNT_WAITING_FOR_APPROVAL: 'account_waiting_for_approval',
  ACCOUNT_APPROVAL_REJECTED: 'account_approval_rejected',
  COMMENT_NOT_ASSOCIATED_TO_VIDEO: 'comment_not_associated_to_video',
  // OAuth2 codes
  INVALID_REQUEST: 'invalid_request',
  INVALID_CLIENT: 'invalid_client',
  INVALID_GRANT: 'invalid_grant',
  INVALID_TOKEN: 'invalid_token',
  UNSUPPORTED_GRANT_TYPE: 'unsupported_grant_type',
  // Shoal codes for the generic cases PeerTube leaves without one
  VALIDATION_ERROR: 'validation_error',
  MALFORMED_BODY: 'malformed_body',
  NOT_FOUND: 'not_found',
  FORBIDDEN: 'forbidden',
  UNAUTHORIZED: 'unauthorized',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'rate_limited',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  USER_BLOCKED: 'user_blocked',
  SIGNUP_DISABLED: 'signup_disabled',
  INVALID_CURRENT_PASSWORD: 'invalid_current_password',
  INTERNAL_ERROR: 'internal_error',
  /** The uploaded file is not a playable video or audio file. */
  INVALID_MEDIA: 'invalid_media',
  UPLOAD_IN_PROGRESS: 'upload_in_progress',
} as const;
export type ServerErrorCode = (typeof ServerErrorCode)[keyof typeof ServerErrorCode];

/** The RFC 7807 body the server sends on every error. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  instance?: string;
  error?: string;
  'invalid-params'?: Record<string, InvalidParam>;
}

export interface InvalidParam {
  location: 'params' | 'body' | 'query' | 'header' | 'cookies';
  msg: string;
  param: string;
  value?: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/';
