export * from './runner-job.enums';
export * from './runner.schemas';
export * from './runner-job-payload.schemas';
export * from './runner.model';
