export { AppError } from './app-error';
export { problemDocument } from './problem';
export { errorHandler, apiNotFound } from './error-handler';
