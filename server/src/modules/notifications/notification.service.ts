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
import { composeNotificationEmail } from './notification-emails';

/** What a notification points to (columns of user_notifications). */
export type NotificationRefs = Partial<
  Pick<UserNotificationModel, 'videoId' | 'commentId' | 'abuseId' | 'videoBlacklistId' | 'accountId' | 'registrationId'>
>;

/** How notifications leave by e-mail (the mail module's service). */
export interface NotificationMailer {
  send(email: { to: string[]; subject: string; text: string }): Promise<void>;
}

/** In-app and e-mail notifications of users and their per-type settings. */
export class NotificationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly mailer: NotificationMailer | null = null,
  ) {}

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
   * Creates a notification of `type` for each user whose `setting` asks for web notifications
   * (bit 1), and e-mails those who asked for e-mail (bit 2) at their address.
   */
  async notify(userIds: number[], type: UserNotificationType, setting: NotificationSettingKey, refs: NotificationRefs): Promise<void> {
    const unique = [...new Set(userIds)];
    if (!unique.length) return;
    const rows = await UserNotificationSettingsModel.findAll({ where: { userId: unique } });
    const stored = new Map(rows.map((r) => [r.userId, r.settings]));
    const wants = (bit: number) =>
      unique.filter((id) => ((stored.get(id)?.[setting] ?? DEFAULT_NOTIFICATION_SETTINGS[setting]) & bit) !== 0);
    await UserNotificationModel.bulkCreate(wants(NotificationSettingValue.WEB).map((userId) => ({ userId, type, ...refs })));
    const byMail = wants(NotificationSettingValue.EMAIL);
    if (this.mailer && byMail.length) await this.sendEmails(byMail, type, refs);
  }

  /** One mail per recipient: addresses of users never show to each other. Banned users get none. */
  private async sendEmails(userIds: number[], type: UserNotificationType, refs: NotificationRefs): Promise<void> {
    const email = await composeNotificationEmail(this.ctx, type, refs);
    if (!email) return;
    const users = await this.ctx.sequelize.query<{ email: string }>(
      'SELECT email FROM users WHERE id IN (:userIds) AND blocked = false AND email IS NOT NULL',
      { replacements: { userIds }, type: QueryTypes.SELECT },
    );
    for (const u of users) await this.mailer!.send({ to: [u.email], ...email });
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
