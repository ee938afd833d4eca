import type { AppContext } from './platform/context';
import { RealtimeServer } from './platform/realtime';
import { createLiveServices, type LiveServices } from './modules/live';
import { ActorImageService, ActorService } from './modules/actors';
import { AuthService, cleanupExpiredTokensJob } from './modules/auth';
import { ChannelService } from './modules/channels';
import { ChapterService } from './modules/chapters';
import { captionConfigSection, VideoCaptionService } from './modules/video-captions';
import { FederationService } from './modules/federation';
import { createFederationObjects, type FederationObjects } from './modules/federation/objects';
import { loadStoredCustomConfig, type ConfigSections } from './modules/server-config';
import { UserService } from './modules/users';
import { TranscodingService, transcodeVideoJob, transcodingConfigSections, transcodingSettings } from './modules/transcoding';
import { acceptedExtensions, cleanupUploadSessionsJob, quotaUsed, ResumableUploadService, VideoCreationService } from './modules/uploads';
import { VideoFileAccess } from './modules/video-files';
import { VideoPasswordService } from './modules/video-passwords';
import { createRunnerServices, type RunnerServices } from './modules/runners';
import { P2PTracker, p2pConfigSections } from './modules/p2p';
import { flushVideoViewsJob, VideoService, VideoViews } from './modules/videos';
import { createModerationServices, type ModerationServices } from './services.moderation';

/** Every module service, wired once per process. */
export interface Services {
  /** The socket.io server of web processes; modules add namespaces with `onAttach`. */
  realtime: RealtimeServer;
  /** WebTorrent tracker of `/tracker/socket` (P2P between viewers). */
  tracker: P2PTracker;
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
  /** Captions (subtitles) of videos. */
  captions: VideoCaptionService;
  transcoding: TranscodingService;
  /** Remote runners: registration, runner jobs, socket notifications. */
  runners: RunnerServices;
  /** Lives: RTMP ingest, sessions, live API. */
  live: LiveServices;
  configSections: ConfigSections;
  /** Federation core (ActivityPub actors, follows, inbox, delivery); see modules/federation/CONTRACT.md. */
  federation: FederationService;
  /** Videos, comments, rates, views and reports over ActivityPub (modules/federation/objects). */
  federationObjects: FederationObjects;
  /** Comments, moderation, notifications, registrations, e-mail. */
  moderation: ModerationServices;
}

export function createServices(ctx: AppContext): Services {
  // Settings edited in the web admin win over the files; services below read them.
  loadStoredCustomConfig(ctx);
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
  const captions = new VideoCaptionService(ctx, videos);
  // Rows and files of a deleted video's captions (and of any video deleted by a cascade before).
  ctx.events.on('video-deleted', () => captions.removeOrphans());
  ctx.queue.register(cleanupExpiredTokensJob(auth, ctx.now));
  const transcodingConfig = transcodingSettings(ctx.config);
  const transcoding = new TranscodingService(ctx, transcodingConfig);
  ctx.queue.register(transcodeVideoJob(ctx, transcodingConfig));
  const realtime = new RealtimeServer();
  const runners = createRunnerServices(ctx, transcodingConfig);
  runners.socket.attach(realtime);
  const live = createLiveServices(ctx, {
    videos,
    realtime,
    startTranscoding: (videoId, sourceId) => transcoding.start(videoId, sourceId),
    runnerLive: runners.live,
  });
  transcoding.useRemoteRunners({
    create: (videoId, sourceId) => runners.jobs.createVodJobs(videoId, sourceId),
    isPending: async (videoId) => (await runners.jobRepository.openByVideo(videoId)).length > 0,
  });
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
  const federation = new FederationService(ctx);
  federation.useActorImages(actorImages);
  // Profile changes of local accounts and channels: followers get an Update of the actor.
  users.onAccountChange.push((accountId) => accountId !== null && federation.localAccountChanged(accountId));
  channels.onActorUpdate.push((actorId) => federation.localActorChanged(actorId));
  // Deleted local accounts and channels: followers get a Delete of the actor.
  users.onActorsRemoval.push((ids) => federation.prepareActorDeletion(ids));
  channels.onActorRemoval.push((ids) => federation.prepareActorDeletion(ids));
  const federationObjects = createFederationObjects(ctx, federation, {
    videos,
    viewBatchMs: ctx.config.views.videos.remote_batch_interval,
    remoteSearch: ctx.config.search.remote_uri,
    liveViewers: live.viewers,
  });
  // Followers get the video again with its new subtitleLanguage list.
  captions.onChange((videoId) => federationObjects.outbox.sync(videoId));
  return {
    federation,
    federationObjects,
    realtime,
    live,
    tracker: new P2PTracker(ctx),
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
    captions,
    transcoding,
    runners,
    configSections: {
      ...transcodingConfigSections(ctx.config, acceptedExtensions(ctx)),
      ...p2pConfigSections(ctx.config),
      ...live.configSection(),
      ...captionConfigSection(),
    },
    moderation: createModerationServices(ctx, { auth, users, actors, videos }),
  };
}
