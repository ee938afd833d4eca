export { UserModel } from './user.model';
export { UserService, type NewUser } from './user.service';
export { userRoutes } from './user.routes';
export { noVideosQuotaCounter, type VideoQuotaCounter } from './video-quota';
