export { request, ApiError, type ApiResponse, type RequestOptions } from './http';
export { ShoalClient } from './client';
