export { request, ApiError, type ApiResponse, type RequestOptions } from './http';
export { ShoalClient } from './client';
export { uploadLegacy, uploadResumable, openResumable, sendChunk, type UploadFields } from './uploads';
export { RunnerClient, RunnerApiError, type RunnerFiles } from './runners';
