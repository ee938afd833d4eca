export { UserNotificationModel, UserNotificationSettingsModel } from './notification.model';
export { NotificationService } from './notification.service';
export { subscribeNotifications } from './notification.listeners';
export { notificationRoutes } from './notification.routes';
