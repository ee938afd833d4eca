import type { AppContext } from './platform/context';
import { ActorImageService, ActorService } from './modules/actors';
import { AuthService, cleanupExpiredTokensJob } from './modules/auth';
import { ChannelService } from './modules/channels';
import { ChapterService } from './modules/chapters';
import type { ConfigSections } from './modules/server-config';
import { UserService } from './modules/users';
import { TranscodingService, transcodeVideoJob, transcodingConfigSections, transcodingSettings } from './modules/transcoding';
import { acceptedExtensions, cleanupUploadSessionsJob, quotaUsed, ResumableUploadService, VideoCreationService } from './modules/uploads';
import { VideoFileAccess } from './modules/video-files';
import { VideoPasswordService } from './modules/video-passwords';
import { createRunnerServices, type RunnerServices } from './modules/runners';
import { flushVideoViewsJob, VideoService, VideoViews } from './modules/videos';
import { createModerationServices, type ModerationServices } from './services.moderation';

/** Every module service, wired once per process. */
export interface Services {
  actors: ActorService;
  actorImages: ActorImageService;
  auth: AuthService;
  users: UserService;
  channels: ChannelService;
  videos: VideoService;
  views: VideoViews;
  uploads: ResumableUploadService;
  creation: VideoCreationService;
  videoFiles: VideoFileAccess;
  videoPasswords: VideoPasswordService;
  chapters: ChapterService;
  transcoding: TranscodingService;
  /** Remote runners: registration, runner jobs, socket notifications. */
  runners: RunnerServices;
  configSections: ConfigSections;
  /** Comments, moderation, notifications, registrations, e-mail. */
  moderation: ModerationServices;
}

export function createServices(ctx: AppContext): Services {
  const actors = new ActorService(ctx);
  const auth = new AuthService(ctx);
  const actorImages = new ActorImageService(ctx);
  // Quota counts the originals of the user's videos (uploads module).
  const quota = {
    used: async (userId: number, since?: Date) => {
      const used = await quotaUsed(ctx, userId);
      return since ? used.daily : used.total;
    },
  };
  const users = new UserService(ctx, actors, auth, actorImages, quota);
  const channels = new ChannelService(ctx, actors, actorImages);
  // Owner account names and avatars are part of every channel in the cached lists.
  users.onAccountChange.push(() => channels.invalidateLists());
  const videos = new VideoService(ctx);
  const views = new VideoViews(ctx);
  const videoFiles = new VideoFileAccess(ctx, videos);
  const videoPasswords = new VideoPasswordService(ctx, videos);
  const chapters = new ChapterService(ctx, videos);
  videos.onUpdate((video, before) => chapters.applyDescriptionChapters(video, before.description));
  ctx.queue.register(cleanupExpiredTokensJob(auth, ctx.now));
  const transcodingConfig = transcodingSettings(ctx.config);
  const transcoding = new TranscodingService(ctx, transcodingConfig);
  ctx.queue.register(transcodeVideoJob(ctx, transcodingConfig));
  const runners = createRunnerServices(ctx, transcodingConfig);
  transcoding.useRemoteRunners((videoId, sourceId) => runners.jobs.createVodJobs(videoId, sourceId));
  const uploads = new ResumableUploadService(ctx);
  const creation = new VideoCreationService(
    ctx,
    videos,
    (videoId, sourceId) => transcoding.start(videoId, sourceId),
    async (video) => {
      await chapters.applyDescriptionChapters(video, null);
    },
  );
  ctx.queue.register(flushVideoViewsJob(views));
  ctx.queue.register(cleanupUploadSessionsJob(uploads));
  return {
    actors,
    actorImages,
    auth,
    users,
    channels,
    videos,
    views,
    uploads,
    creation,
    videoFiles,
    videoPasswords,
    chapters,
    transcoding,
    runners,
    configSections: { ...transcodingConfigSections(ctx.config, acceptedExtensions(ctx)) },
    moderation: createModerationServices(ctx, { auth, users, actors, videos }),
  };
}
