import { QueryTypes, type Sequelize } from 'sequelize';
import type { AbuseListQuery } from '@shoal/models';

const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export interface AbuseCounters {
  id: number;
  countReportsForReporter: number;
  countReportsForReportee: number;
  countMessages: number;
  countReports: number;
  nthReport: number;
}

const FROM = `FROM abuses a
  LEFT JOIN accounts ra ON ra.id = a.reporter_account_id LEFT JOIN actors rac ON rac.id = ra.actor_id
  LEFT JOIN accounts fa ON fa.id = a.flagged_account_id LEFT JOIN actors fac ON fac.id = fa.actor_id
  LEFT JOIN videos v ON v.id = a.video_id
  LEFT JOIN video_channels vc ON vc.id = v.channel_id LEFT JOIN actors vca ON vca.id = vc.actor_id`;

const accountMatches = (account: string, actor: string, param: string) =>
  `(lower(${actor}.preferred_username) LIKE :${param} OR lower(${account}.display_name) LIKE :${param})`;

/** WHERE clause and replacements of the moderators' filters. */
function filters(q: Partial<AbuseListQuery>, reporterAccountId?: number): { where: string; r: Record<string, unknown> } {
  const and: string[] = ['true'];
  const r: Record<string, unknown> = {};
  const add = (sql: string, values: Record<string, unknown> = {}) => {
    and.push(sql);
    Object.assign(r, values);
  };
  if (reporterAccountId) add('a.reporter_account_id = :reporter', { reporter: reporterAccountId });
  if (q.id) add('a.id = :id', { id: q.id });
  if (q.state) add('a.state = :state', { state: q.state });
  if (q.predefinedReason) add(':reasonName = ANY(a.predefined_reasons)', { reasonName: q.predefinedReason });
  if (q.filter) add('a.kind = :kind', { kind: q.filter });
  if (q.searchReporter) add(accountMatches('ra', 'rac', 'reporterLike'), { reporterLike: likeContains(q.searchReporter) });
  if (q.searchReportee) add(accountMatches('fa', 'fac', 'reporteeLike'), { reporteeLike: likeContains(q.searchReportee) });
  if (q.searchVideo)
    add(`lower(coalesce(v.name, a.snapshot->>'videoName', '')) LIKE :videoLike`, { videoLike: likeContains(q.searchVideo) });
  if (q.searchVideoChannel) add(accountMatches('vc', 'vca', 'channelLike'), { channelLike: likeContains(q.searchVideoChannel) });
  if (q.videoIs === 'deleted') add(`a.kind = 'video' AND a.video_id IS NULL`);
  if (q.videoIs === 'blacklisted') add('EXISTS (SELECT 1 FROM video_blacklist b WHERE b.video_id = a.video_id)');
  if (q.search) {
    add(
      `(lower(a.reason) LIKE :searchLike OR ${accountMatches('ra', 'rac', 'searchLike')} OR ${accountMatches('fa', 'fac', 'searchLike')}
        OR lower(coalesce(v.name, a.snapshot->>'videoName', '')) LIKE :searchLike)`,
      { searchLike: likeContains(q.search) },
    );
  }
  return { where: and.join(' AND '), r };
}

export const abuseRepository = {
  /** One page of ids with the counters moderators see next to each report. */
  async list(
    sequelize: Sequelize,
    q: Partial<AbuseListQuery> & { start: number; count: number; sort: string },
    reporterAccountId?: number,
  ): Promise<{ rows: AbuseCounters[]; total: number }> {
    const { where, r } = filters(q, reporterAccountId);
    const dir = q.sort.startsWith('-') ? 'DESC' : 'ASC';
    const column = { id: 'a.id', createdAt: 'a.created_at', state: 'a.state' }[q.sort.replace(/^-/, '')] ?? 'a.id';
    const rows = await sequelize.query<AbuseCounters>(
      `SELECT a.id,
         (SELECT count(*) FROM abuses x WHERE x.reporter_account_id = a.reporter_account_id)::int AS "countReportsForReporter",
         (SELECT count(*) FROM abuses x WHERE x.flagged_account_id = a.flagged_account_id)::int AS "countReportsForReportee",
         (SELECT count(*) FROM abuse_messages m WHERE m.abuse_id = a.id)::int AS "countMessages",
         (SELECT count(*) FROM abuses x WHERE x.video_id = a.video_id)::int AS "countReports",
         (SELECT count(*) FROM abuses x WHERE x.video_id = a.video_id AND x.id <= a.id)::int AS "nthReport"
       ${FROM} WHERE ${where} ORDER BY ${column} ${dir}, a.id ${dir} LIMIT :count OFFSET :start`,
      { replacements: { ...r, start: q.start, count: q.count }, type: QueryTypes.SELECT },
    );
    const [{ total }] = await sequelize.query<{ total: number }>(`SELECT count(*)::int AS total ${FROM} WHERE ${where}`, {
      replacements: r,
      type: QueryTypes.SELECT,
    });
    return { rows, total };
  },

  /** Which of these videos a moderator blocked. */
  async isBlacklisted(sequelize: Sequelize, videoIds: number[]): Promise<Set<number>> {
    if (!videoIds.length) return new Set();
    const rows = await sequelize.query<{ video_id: number }>('SELECT video_id FROM video_blacklist WHERE video_id IN (:ids)', {
      replacements: { ids: videoIds },
      type: QueryTypes.SELECT,
    });
    return new Set(rows.map((r) => r.video_id));
  },
};
