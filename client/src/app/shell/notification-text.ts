import { UserNotificationType, type UserNotification } from '@shoal/models';

const T = UserNotificationType;

/** What a notification says, and where it leads (null: nowhere). */
export function describeNotification(n: UserNotification): { text: string; link: string | null } {
  const watch = (v?: { shortUUID: string }) => (v ? `/w/${v.shortUUID}` : null);
  switch (n.type as number) {
    case T.NEW_COMMENT_ON_MY_VIDEO:
      return n.comment?.heldForReview
        ? {
            text: `${n.comment.account.displayName} commented on “${n.comment.video.name}” (held for review)`,
            link: '/my-library/comments',
          }
        : {
            text: `${n.comment?.account.displayName ?? 'Someone'} commented on “${n.comment?.video.name ?? 'your video'}”`,
            link: watch(n.comment?.video),
          };
    case T.COMMENT_MENTION:
      return {
        text: `${n.comment?.account.displayName ?? 'Someone'} mentioned you on “${n.comment?.video.name ?? 'a video'}”`,
        link: watch(n.comment?.video),
      };
    case T.NEW_ABUSE_FOR_MODERATORS:
      return { text: `New report #${n.abuse?.id}`, link: '/admin/moderation/reports' };
    case T.ABUSE_STATE_CHANGE:
      return {
        text: `Your report #${n.abuse?.id} was ${n.abuse?.state === 3 ? 'accepted' : n.abuse?.state === 2 ? 'rejected' : 'reopened'}`,
        link: '/my-account/abuses',
      };
    case T.ABUSE_NEW_MESSAGE:
      return { text: `New message on report #${n.abuse?.id}`, link: '/my-account/abuses' };
    case T.BLACKLIST_ON_MY_VIDEO:
      return { text: `Your video “${n.videoBlacklist?.video.name}” was blocked`, link: watch(n.videoBlacklist?.video) };
    case T.UNBLACKLIST_ON_MY_VIDEO:
      return { text: `Your video “${n.video?.name}” was unblocked`, link: watch(n.video) };
    case T.MY_VIDEO_PUBLISHED:
      return { text: `Your video “${n.video?.name}” is published`, link: watch(n.video) };
    case T.MY_VIDEO_TRANSCODING_FAILED:
      return { text: `Transcoding of “${n.video?.name}” failed`, link: '/my-library/videos' };
    case T.NEW_VIDEO_FROM_SUBSCRIPTION:
      return { text: `New video from ${n.video?.channel.displayName}: “${n.video?.name}”`, link: watch(n.video) };
    case T.NEW_USER_REGISTRATION:
      return { text: `${n.account?.displayName ?? 'Someone'} signed up`, link: '/admin/users' };
    case T.NEW_USER_REGISTRATION_REQUEST:
      return { text: `${n.registration?.username ?? 'Someone'} asks to sign up`, link: null };
    default:
      return { text: 'Notification', link: null };
  }
}
