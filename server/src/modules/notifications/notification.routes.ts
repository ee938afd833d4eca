import { Router } from 'express';
import { notificationListQuerySchema, notificationReadSchema, notificationSettingsUpdateSchema } from '@shoal/models';
import { input, requireUser } from '../../platform/http';
import type { NotificationService } from './notification.service';

export function notificationRoutes(notifications: NotificationService): Router {
  const router = Router();

  router.get('/users/me/notifications', async (req, res) => {
    const me = requireUser(req);
    res.json(await notifications.list(me.id, input.query(notificationListQuerySchema, req)));
  });

  router.post('/users/me/notifications/read', async (req, res) => {
    const me = requireUser(req);
    await notifications.markRead(me.id, input.body(notificationReadSchema, req).ids);
    res.status(204).end();
  });

  router.post('/users/me/notifications/read-all', async (req, res) => {
    await notifications.markAllRead(requireUser(req).id);
    res.status(204).end();
  });

  router.put('/users/me/notification-settings', async (req, res) => {
    const me = requireUser(req);
    await notifications.updateSettings(me.id, input.body(notificationSettingsUpdateSchema, req));
    res.status(204).end();
  });

  return router;
}
