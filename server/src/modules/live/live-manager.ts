import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { liveRungs } from '@shoal/ffmpeg';
import { LiveVideoError, VideoState } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { quotaUsed } from '../uploads';
import { hlsDir, StreamingPlaylistModel, VideoModel } from '../videos';
import type { LiveMuxerFactory } from './live-muxer';
import { LiveRecorder, recordingDir } from './live-recorder';
import { closeOrphanSessions, processEnding, removeLiveFiles, RM_TREE } from './live-ending';
import type { StartTranscoding } from './live-replay';
import { LIVE_MASTER, LIVE_SHA_FILE, LiveSegmentWatcher } from './live-segments';
import type { RunningSession } from './live-session';
import { latencySettings, liveResolutions } from './live-settings';
import { LiveSessionModel, VideoLiveModel } from './live.model';
import { liveRepository } from './live.repository';
import type { LiveFeed } from './rtmp/live-feed';
import { RtmpServer, type RtmpPolicy } from './rtmp/rtmp-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Muxer crashes tolerated per session before it ends with an ffmpeg error. */
const MAX_RESTARTS = 2;
/** How often a session recording a replay checks its owner's quota. */
const QUOTA_CHECK_MS = 5000;

/** Who hears about live state changes (the socket.io namespace). */
export interface LiveNotifier {
  stateChanged(videoId: number, state: number): void;
}

/**
 * Runs lives: the RTMP policy (stream key and limits checked before a publish is
 * accepted), one session per streamed video with its muxer, recorder and segment
 * watcher, the reconnection grace period, limits, and the end of sessions (replays).
 */
export class LiveManager implements RtmpPolicy {
  private readonly sessions = new Map<number, RunningSession>();
  private readonly pullNames = new Map<string, string>();
  private rtmp: RtmpServer | null = null;
  private rtmps: RtmpServer | null = null;
  /** Only the holder of the ingest lease (live-ingest-lease.ts) opens RTMP. */
  private ingest = false;
  readonly ports: { rtmp?: number; rtmps?: number } = {};
  private notifier: LiveNotifier = { stateChanged: () => undefined };
  private readonly endings = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly muxerFactory: LiveMuxerFactory,
    private readonly startTranscoding: StartTranscoding,
    /** Boot: ends work a previous process left open elsewhere (runner live jobs). */
    private readonly closeOrphanWork: () => Promise<unknown> = async () => undefined,
  ) {
    ctx.events.on('user-banned', ({ userId }) => this.cutWhere((s) => s.ownerUserId === userId, LiveVideoError.BLACKLISTED));
    ctx.events.on('video-blocked', ({ videoId }) => this.cutWhere((s) => s.videoId === videoId, LiveVideoError.BLACKLISTED));
    ctx.events.on('video-deleted', ({ videoId }) => this.cutWhere((s) => s.videoId === videoId, null));
  }

  useNotifier(notifier: LiveNotifier): void {
    this.notifier = notifier;
  }

  /** UUIDs of videos streaming now (their playlists must not be cached). */
  isStreaming(uuid: string): boolean {
    for (const s of this.sessions.values()) if (s.videoUuid === uuid) return true;
    return false;
  }

  /** Opens the RTMP(S) listeners; idempotent, so enabling lives at runtime can call it. */
  async listen(): Promise<void> {
    if (!this.ingest) return;
    const { rtmp, rtmps } = this.ctx.config.live;
    const log = this.ctx.logger.child({ module: 'rtmp' });
    if (rtmp.enabled && !this.rtmp) {
      this.rtmp = new RtmpServer(this, log);
      this.ports.rtmp = await this.rtmp.listen({ hostname: rtmp.hostname ?? '0.0.0.0', port: rtmp.port });
      this.ctx.logger.info({ port: this.ports.rtmp }, 'RTMP listening');
    }
    if (rtmps.enabled && !this.rtmps) {
      this.rtmps = new RtmpServer(this, log);
      const tls = { keyFile: rtmps.key_file, certFile: rtmps.cert_file };
      this.ports.rtmps = await this.rtmps.listen({ hostname: rtmps.hostname ?? '0.0.0.0', port: rtmps.port, tls });
    }
  }

  // --- RTMP policy -------------------------------------------------------------------

  async publish(app: string, key: string, feed: LiveFeed): Promise<boolean> {
    if (app !== 'live' || !UUID.test(key) || !this.ctx.config.live.enabled) return false;
    const live = await VideoLiveModel.findOne({ where: { streamKey: key.toLowerCase() } });
    if (!live) return false;
    const running = this.sessions.get(live.videoId);
    if (running) {
      // Same session again: only an encoder coming back within the grace period.
      if (running.feed || running.ending) return false;
      this.attachFeed(running, feed);
      return true;
    }
    const video = await VideoModel.findByPk(live.videoId);
    if (!video?.isLive || video.state !== VideoState.WAITING_FOR_LIVE) return false;
    const owner = await liveRepository.owner(this.ctx.sequelize, video.id);
    if (!owner || owner.banned || owner.videoBlocked) return false;
    if (!this.withinLimits(owner.userId)) return false;
    const session = await this.openSession(video, live, owner.userId);
    this.attachFeed(session, feed);
    return true;
  }

  async play(app: string, name: string): Promise<string | null> {
    if (app !== 'live') return null;
    const key = this.pullNames.get(name);
    if (key) return key;
    // PeerTube runners pull with the stream key itself: only allowed when lives go to runners.
    if (this.ctx.config.live.transcoding.remote_runners.enabled && [...this.sessions.values()].some((s) => s.streamKey === name))
      return name;
    return null;
  }

  private withinLimits(userId: number): boolean {
    const { max_instance_lives: maxAll, max_user_lives: maxUser } = this.ctx.config.live;
    const all = [...this.sessions.values()];
    if (maxAll !== -1 && all.length >= maxAll) return false;
    if (maxUser !== -1 && all.filter((s) => s.ownerUserId === userId).length >= maxUser) return false;
    return true;
  }

  // --- sessions ----------------------------------------------------------------------

  private async openSession(video: VideoModel, live: VideoLiveModel, ownerUserId: number): Promise<RunningSession> {
    const row = await LiveSessionModel.create({
      liveVideoId: video.id,
      startDate: this.ctx.now(),
      saveReplay: live.saveReplay && this.ctx.config.live.allow_replay,
      replayPrivacy: live.replayPrivacy,
    });
    const outputDir = hlsDir(this.ctx, video);
    // Leftovers of a previous session of a permanent live must not be served as this one.
    await rm(outputDir, RM_TREE);
    await mkdir(outputDir, { recursive: true });
    await StreamingPlaylistModel.destroy({ where: { videoId: video.id } });
    await StreamingPlaylistModel.create({ videoId: video.id, playlistFilename: LIVE_MASTER, segmentsSha256Filename: LIVE_SHA_FILE });
    const pullName = randomBytes(16).toString('hex');
    const session: RunningSession = {
      sessionId: row.id,
      videoId: video.id,
      videoUuid: video.uuid,
      streamKey: live.streamKey,
      ownerUserId,
      permanent: live.permanentLive,
      saveReplay: row.saveReplay,
      latency: latencySettings(this.ctx.config, live.latencyMode),
      outputDir,
      recordingDir: recordingDir(this.ctx.dirs.streaming_playlists, row.id),
      startedAt: Date.now(),
      pullName,
      feed: null,
      muxer: null,
      recorder: null,
      watcher: new LiveSegmentWatcher(outputDir, () => void this.onReady(session).catch((err) => this.logError(err, session))),
      published: false,
      restarts: 0,
      graceTimer: null,
      durationTimer: null,
      quotaTimer: null,
      recordedBytes: 0,
      outputsStopped: Promise.resolve(),
      ending: false,
    };
    this.sessions.set(video.id, session);
    this.pullNames.set(pullName, live.streamKey);
    session.watcher.start();
    const max = this.ctx.config.live.max_duration;
    if (max !== -1) {
      session.durationTimer = setTimeout(() => this.background(this.end(session, LiveVideoError.DURATION_EXCEEDED)), max);
    }
    if (session.saveReplay) session.quotaTimer = setInterval(() => this.background(this.checkQuota(session)), QUOTA_CHECK_MS);
    this.ctx.logger.info({ videoId: video.id, sessionId: row.id }, 'live session started');
    return session;
  }

  private attachFeed(session: RunningSession, feed: LiveFeed): void {
    if (session.graceTimer) clearTimeout(session.graceTimer);
    session.graceTimer = null;
    session.feed = feed;
    feed.onEnd(() => void this.onFeedEnd(session, feed).catch((err) => this.logError(err, session)));
    void this.startOutputs(session, feed).catch((err) => {
      this.logError(err, session);
      this.background(this.end(session, LiveVideoError.FFMPEG_ERROR));
    });
  }

  private async startOutputs(session: RunningSession, feed: LiveFeed): Promise<void> {
    await feed.ready();
    if (session.feed !== feed || feed.ended) return;
    if (!feed.hasVideo && !feed.hasAudio) return this.end(session, LiveVideoError.INVALID_INPUT_STREAM);
    if (session.saveReplay) {
      session.recorder = new LiveRecorder();
      await session.recorder.start(feed, session.recordingDir);
    }
    await this.startMuxer(session, feed);
  }

  private async startMuxer(session: RunningSession, feed: LiveFeed): Promise<void> {
    // The feed may have ended (or the session been cut) while the recorder was starting.
    if (session.ending || session.feed !== feed || feed.ended) return;
    const t = this.ctx.config.live.transcoding;
    const source = feed.source;
    const copy = !t.enabled || !feed.hasVideo || source.height === 0;
    const rungs = copy ? [] : liveRungs(source, liveResolutions(this.ctx.config), t.always_transcode_original_resolution, t.fps.max);
    const muxer = this.muxerFactory();
    session.muxer = muxer;
    muxer.onEnd((error) => this.background(this.onMuxerEnd(session, muxer, feed, error)));
    const pullUrl = `rtmp://127.0.0.1:${this.ports.rtmp ?? this.ctx.config.live.rtmp.port}/live/${session.pullName}`;
    await muxer.start(
      feed,
      {
        outputDir: session.outputDir,
        rungs,
        source,
        hasAudio: feed.hasAudio,
        copy: copy || rungs.length === 0,
        segmentDuration: session.latency.segmentDuration,
        listSize: session.latency.listSize,
        lowLatency: session.latency.lowLatency,
        threads: t.threads,
        startNumber: session.watcher.lastSequence + 1,
      },
      pullUrl,
    );
  }

  /** ffmpeg died under a live feed: restart it (numbering continues), or give up. */
  private async onMuxerEnd(session: RunningSession, muxer: unknown, feed: LiveFeed, error?: Error): Promise<void> {
    if (session.muxer !== muxer || session.ending || session.feed !== feed || feed.ended) return;
    session.muxer = null;
    this.ctx.logger.warn({ videoId: session.videoId, err: error }, 'live muxing stopped under a running feed');
    // A failed or cancelled runner job ends the live with its own error (6/7), as in PeerTube.
    const runnerError = (error as { liveError?: LiveVideoError } | undefined)?.liveError;
    if (runnerError) return this.end(session, runnerError);
    if (session.restarts >= MAX_RESTARTS) return this.end(session, LiveVideoError.FFMPEG_ERROR);
    session.restarts += 1;
    await this.startMuxer(session, feed).catch(() => this.end(session, LiveVideoError.FFMPEG_ERROR));
  }

  private async onFeedEnd(session: RunningSession, feed: LiveFeed): Promise<void> {
    if (session.feed !== feed) return;
    session.feed = null;
    await this.stopOutputs(session);
    if (session.ending) return;
    const grace = this.ctx.config.live.reconnect_grace_period;
    if (grace <= 0) return this.end(session, null);
    session.graceTimer = setTimeout(() => this.background(this.end(session, null)), grace);
  }

  /** Stops muxer and recorder; a second caller waits for the stop already in flight. */
  private async stopOutputs(session: RunningSession): Promise<void> {
    const muxer = session.muxer;
    session.muxer = null;
    const recorder = session.recorder;
    session.recorder = null;
    session.recordedBytes += recorder?.bytes ?? 0;
    const stopping = Promise.all([muxer?.stop(), recorder?.stop()]);
    session.outputsStopped = Promise.all([session.outputsStopped, stopping]);
    await session.outputsStopped;
  }

  /** A replay counts in the owner's quota: the session stops when the recording would overflow it. */
  private async checkQuota(session: RunningSession): Promise<void> {
    if (session.ending) return;
    const recorded = session.recordedBytes + (session.recorder?.bytes ?? 0);
    const [quota, used] = await Promise.all([
      liveRepository.quotas(this.ctx.sequelize, session.ownerUserId),
      quotaUsed(this.ctx, session.ownerUserId),
    ]);
    const over = (limit: number, usedBytes: number) => limit !== -1 && usedBytes + recorded >= limit;
    if (over(quota.total, used.total) || over(quota.daily, used.daily)) await this.end(session, LiveVideoError.QUOTA_EXCEEDED);
  }

  /** First segment listed: the live is watchable. */
  private async onReady(session: RunningSession): Promise<void> {
    if (session.published || session.ending) return;
    session.published = true;
    await VideoModel.update({ state: VideoState.PUBLISHED, publishedAt: this.ctx.now() }, { where: { id: session.videoId } });
    this.notifier.stateChanged(session.videoId, VideoState.PUBLISHED);
    this.ctx.logger.info({ videoId: session.videoId, ms: Date.now() - session.startedAt }, 'live is playable');
  }

  private async cutWhere(match: (s: RunningSession) => boolean, error: number | null): Promise<void> {
    await Promise.all([...this.sessions.values()].filter(match).map((s) => this.end(s, error)));
  }

  /** Ends a session for good: outputs stopped, state updated, live files removed, replay made. */
  async end(session: RunningSession, error: number | null): Promise<void> {
    if (session.ending) return;
    session.ending = true;
    if (session.graceTimer) clearTimeout(session.graceTimer);
    if (session.durationTimer) clearTimeout(session.durationTimer);
    if (session.quotaTimer) clearInterval(session.quotaTimer);
    session.feed?.disconnect();
    session.feed?.end();
    await this.stopOutputs(session);
    await session.watcher.close();
    await LiveSessionModel.update({ endDate: this.ctx.now(), error }, { where: { id: session.sessionId } });
    const state = session.permanent ? VideoState.WAITING_FOR_LIVE : VideoState.LIVE_ENDED;
    await VideoModel.update({ state }, { where: { id: session.videoId, isLive: true } });
    await removeLiveFiles(this.ctx, session.videoId);
    this.sessions.delete(session.videoId);
    this.pullNames.delete(session.pullName);
    this.notifier.stateChanged(session.videoId, state);
    this.ctx.logger.info({ videoId: session.videoId, sessionId: session.sessionId, error }, 'live session ended');
    this.track(processEnding(this.ctx, session.sessionId, this.startTranscoding));
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => this.ctx.logger.error({ err }, 'live ending failed')).finally(() => this.endings.delete(tracked));
    this.endings.add(tracked);
  }

  /**
   * When this process becomes the one receiving streams (at boot, or when the previous holder
   * of the ingest lease died): sessions left open are ended and their recordings kept as
   * replays; RTMP may open from now on.
   */
  async recover(): Promise<void> {
    this.ingest = true;
    await this.closeOrphanWork();
    for (const id of await closeOrphanSessions(this.ctx)) this.track(processEnding(this.ctx, id, this.startTranscoding));
  }

  /** Shutdown: cut every session (their replays are made at the next boot if not now). */
  async close(): Promise<void> {
    this.ingest = false;
    await Promise.all([this.rtmp?.close(), this.rtmps?.close()]);
    this.rtmp = this.rtmps = null;
    await Promise.all([...this.sessions.values()].map((s) => this.end(s, null)));
    await Promise.race([Promise.all(this.endings), new Promise((r) => setTimeout(r, 5000))]);
  }

  /** Timers and callbacks run work nobody awaits: a failure is logged, never an unhandled rejection. */
  private background(work: Promise<unknown>): void {
    work.catch((err: unknown) => this.ctx.logger.error({ err }, 'live background work failed'));
  }

  private logError(err: unknown, session: RunningSession): void {
    this.ctx.logger.error({ err, videoId: session.videoId }, 'live session error');
  }
}
