import { apObjectId, apObjectType, type ApActivity } from '@shoal/models';
import { isSameOrigin } from '../origin';

/** Object types whose `attributedTo` must be on the object's own host when created or updated. */
function attributedUrls(object: unknown): string[] {
  const attributed = (object as { attributedTo?: unknown } | null)?.attributedTo;
  const list = Array.isArray(attributed) ? attributed : attributed === undefined ? [] : [attributed];
  return list.flatMap((e) => {
    if (typeof e === 'string') return [e];
    const id = (e as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * Authority rules of spec §3.4 that need no database: returns why the activity is refused, or null.
 * `activity.actor` is the (already verified) author.
 */
export function originViolation(activity: ApActivity): string | null {
  const actor = activity.actor;
  if (!isSameOrigin(activity.id, actor)) return 'activity id is not on the actor host';
  switch (activity.type) {
    case 'Create':
    case 'Update': {
      const id = apObjectId(activity.object);
      if (typeof activity.object !== 'object' || !id) return `${activity.type} must embed its object`;
      if (!isSameOrigin(id, actor)) return `an actor may only ${activity.type.toLowerCase()} objects of its own host`;
      const owners = attributedUrls(activity.object);
      if (owners.some((o) => !isSameOrigin(o, id))) return 'object attributed to an actor of another host';
      const objectType = apObjectType(activity.object);
      // An actor document may only be updated by itself.
      if (['Person', 'Group', 'Application', 'Service', 'Organization'].includes(objectType ?? '') && id !== actor) {
        return 'an actor may only update itself';
      }
      return null;
    }
    case 'Delete': {
      const id = apObjectId(activity.object);
      if (!id) return 'Delete needs an object id';
      return isSameOrigin(id, actor) ? null : 'an actor may only delete objects of its own host';
    }
    case 'Undo': {
      const inner = activity.object as { actor?: unknown } | null;
      const innerActor = typeof inner?.actor === 'string' ? inner.actor : (inner?.actor as { id?: unknown } | undefined)?.id;
      if (typeof activity.object !== 'object' || innerActor !== actor) return 'an actor may only undo its own activities';
      return null;
    }
    default:
      return null;
  }
}
