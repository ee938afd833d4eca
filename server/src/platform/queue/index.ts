export { JobQueue } from './job-queue';
export { defineJob, type JobDefinition, type JobContext, type JobHandlers } from './job-definition';
