import { literal, Op, QueryTypes, type WhereOptions } from 'sequelize';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingValue,
  roleHasRight,
  type NotificationSettingKey,
  type UserNotification,
  type UserNotificationSettings,
  type UserNotificationType,
  type UserRight,
  type UserRole,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { UserNotificationModel, UserNotificationSettingsModel } from './notification.model';
import { serializeNotifications } from './notification.serializer';

/** What a notification points to (columns of user_notifications). */
export type NotificationRefs = Partial<
  Pick<UserNotificationModel, 'videoId' | 'commentId' | 'abuseId' | 'videoBlacklistId' | 'accountId' | 'registrationId'>
>;

/** In-app notifications of users and their per-type settings. */
export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  async settingsOf(userId: number): Promise<UserNotificationSettings> {
    const row = await UserNotificationSettingsModel.findByPk(userId);
    return { ...DEFAULT_NOTIFICATION_SETTINGS, ...(row?.settings ?? {}) };
  }

  async updateSettings(userId: number, changes: Partial<UserNotificationSettings>): Promise<void> {
    const current = await UserNotificationSettingsModel.findByPk(userId);
    const settings = { ...(current?.settings ?? {}), ...changes };
    await UserNotificationSettingsModel.upsert({ userId, settings });
  }

  /**
   * Creates a notification of `type` for each user whose `setting` asks for web notifications.
   * E-mail delivery of notifications (bit 2) is not implemented yet.
   */
  async notify(userIds: number[], type: UserNotificationType, setting: NotificationSettingKey, refs: NotificationRefs): Promise<void> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return;
    const rows = await UserNotificationSettingsModel.findAll({ where: { userId: unique } });
    const stored = new Map(rows.map((r) => [r.userId, r.settings]));
    const wanted = unique.filter(
      (id) => ((stored.get(id)?.[setting] ?? DEFAULT_NOTIFICATION_SETTINGS[setting]) & NotificationSettingValue.WEB) !== 0,
    );
    await UserNotificationModel.bulkCreate(wanted.map((userId) => ({ userId, type, ...refs })));
  }

  /** Users (not banned) whose role holds `right`: the recipients of moderation notifications. */
  async usersWithRight(right: UserRight): Promise<number[]> {
    const rows = await this.ctx.sequelize.query<{ id: number; role: number }>(
      'SELECT id, role FROM users WHERE role < 2 AND blocked = false',
      {
        type: QueryTypes.SELECT,
      },
    );
    return rows.filter((r) => roleHasRight(Number(r.role) as UserRole, right)).map((r) => r.id);
  }

  async list(
    userId: number,
    q: { start: number; count: number; sort: string; unread?: boolean },
  ): Promise<{ total: number; data: UserNotification[] }> {
    const where: WhereOptions<UserNotificationModel> = {
      userId,
      ...(q.unread ? { read: false } : {}),
      // A deleted comment leaves a tombstone: what its notification said is gone too.
      [Op.and]: [
        literal(`(comment_id IS NULL OR EXISTS (SELECT 1 FROM video_comments c WHERE c.id = comment_id AND c.deleted_at IS NULL))`),
      ],
    };
    const desc = q.sort.startsWith('-') ? 'DESC' : 'ASC';
    const { rows, count } = await UserNotificationModel.findAndCountAll({
      where,
      order: [
        [q.sort.replace(/^-/, ''), desc],
        ['id', desc],
      ],
      offset: q.start,
      limit: q.count,
    });
    return { total: count, data: await serializeNotifications(this.ctx, rows) };
  }

  async markRead(userId: number, ids: number[]): Promise<void> {
    await UserNotificationModel.update({ read: true }, { where: { userId, id: ids } });
  }

  async markAllRead(userId: number): Promise<void> {
    await UserNotificationModel.update({ read: true }, { where: { userId, read: false } });
  }
}
