import type { Router } from 'express';
import type { AppContext } from '../../../platform/context';
import type { VideoService } from '../../videos';
import { actorOutbox } from './actor-outbox';
import { CommentInbox } from './comment.inbox';
import { CommentOutbox } from './comment.outbox';
import { deleteInboxHandler } from './delete.inbox';
import type { FederationApi, InboxHandler } from './federation-port';
import { FlagFederation } from './flag.federation';
import { objectRoutes } from './objects.routes';
import { RateFederation } from './rate.federation';
import { RemoteVideoResolver } from './remote-video.resolver';
import { refreshJobs, RemoteRefresh, removeRemoteActor } from './remote-refresh';
import { searchRoutes, type RemoteSearchPolicy } from './search.routes';
import { sendViewsJob, ViewFederation } from './view.federation';
import { isViewerHeartbeat, liveViewersJob, LiveViewersFederation, type LiveViewerHub } from './live-viewers.federation';
import { VideoCounters, videoCountersJob } from './video-counters';
import { VideoOutbox } from './video-outbox';
import { videoInboxHandlers } from './video.inbox';

export { buildVideoObject } from './video.builder';
export { parseVideoObject } from './video.parser';
export { isFederable } from './video-audience';

export interface FederationObjects {
  /** AP documents (videos, comments, collections); mount before the web client. */
  routes: Router;
  /** `/search/*` by URL or handle and `/users/me/subscriptions/videos`; mount in the API before the local search. */
  apiRoutes: Router;
  videos: RemoteVideoResolver;
  outbox: VideoOutbox;
}

export interface FederationObjectsOptions {
  videos: VideoService;
  /** How long views of one remote video are batched into one `View` (counter Updates of ours: six times this). */
  viewBatchMs: number;
  remoteSearch: RemoteSearchPolicy;
  /** The live module's viewer counts (`views-change`), which remote viewers join. */
  liveViewers: LiveViewerHub;
}

/**
 * Federation of videos, comments, rates, views and reports: registers the inbox handlers,
 * subscribes to local domain events for the outbox, and returns the routes to mount.
 */
export function createFederationObjects(ctx: AppContext, fed: FederationApi, opts: FederationObjectsOptions): FederationObjects {
  const videos = new RemoteVideoResolver(ctx, fed);
  const outbox = new VideoOutbox(ctx, fed);
  const comments = new CommentOutbox(ctx, fed);
  const commentInbox = new CommentInbox(ctx, fed, videos);
  // Counter Updates go to every follower: a longer window than the origin-bound View batches.
  const counters = new VideoCounters(ctx, opts.viewBatchMs * 6);
  const rates = new RateFederation(ctx, fed, counters);
  const views = new ViewFederation(ctx, fed, opts.viewBatchMs, counters);
  const flags = new FlagFederation(ctx, fed);
  const liveViewers = new LiveViewersFederation(ctx, fed, opts.liveViewers);
  opts.liveViewers.useViewerCounts(liveViewers);

  const handlers: Record<string, InboxHandler> = {
    ...videoInboxHandlers(ctx, fed, videos),
    'Create/Note': (a, c) => commentInbox.createNote(a, c),
    Delete: deleteInboxHandler(ctx, fed, videos.store),
    ...rates.handlers(),
    View: (a, c) => (isViewerHeartbeat(a) ? liveViewers.receive(a, c) : views.receive(a, c)),
    Flag: (a, c) => flags.receive(a, c),
  };
  for (const [key, handler] of Object.entries(handlers)) fed.registerInboxHandler(key, handler);

  const sync = ({ videoId }: { videoId: number }) => outbox.sync(videoId);
  ctx.events.on('video-published', sync);
  // A new version: new playlists, segments and hashes that followers must play from.
  ctx.events.on('video-files-replaced', sync);
  ctx.events.on('video-deleted', sync);
  ctx.events.on('video-blocked', sync);
  ctx.events.on('video-unblocked', sync);
  ctx.events.on('live-state-changed', sync);
  opts.videos.onUpdate((video) => outbox.sync(video.id));
  ctx.events.on('comment-created', ({ commentId }) => comments.created(commentId));
  ctx.events.on('comment-deleted', (e) => comments.deleted(e));
  ctx.events.on('video-rated', (e) => rates.rated(e));
  ctx.events.on('video-viewed', ({ videoId }) => views.viewed(videoId));
  ctx.events.on('abuse-created', ({ abuseId }) => flags.created(abuseId));
  ctx.queue.register(sendViewsJob(views));
  ctx.queue.register(videoCountersJob(outbox));
  ctx.queue.register(liveViewersJob(liveViewers));
  const refresh = new RemoteRefresh(ctx, fed, videos);
  for (const job of refreshJobs(refresh)) ctx.queue.register(job);
  ctx.events.on('remote-video-read', ({ videoId }) => refresh.videoRead(videoId));
  ctx.events.on('remote-actor-read', ({ actorId }) => refresh.actorRead(actorId));
  fed.setRemoteActorRemover((actor) => removeRemoteActor(ctx, actor));
  fed.setOutboxProvider(actorOutbox(ctx));

  return { routes: objectRoutes(ctx), apiRoutes: searchRoutes(ctx, fed, videos, opts.remoteSearch), videos, outbox };
}
