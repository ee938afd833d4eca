export { VideoPasswordService } from './video-password.service';
export { videoPasswordRoutes } from './video-password.routes';
