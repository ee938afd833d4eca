export { jobsRoutes } from './jobs.routes';
