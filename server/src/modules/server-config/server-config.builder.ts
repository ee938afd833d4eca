import { ACTOR_IMAGE_CONSTRAINTS, USER_CONSTRAINTS } from '@shoal/models';
import type { AppContext } from '../../platform/context';

export const SERVER_VERSION = '7.0.0';

/**
 * The public `GET /config` object. Field names follow PeerTube's ServerConfig so that
 * existing clients find what they look for; values come from our configuration.
 */
export function buildServerConfig(ctx: AppContext, extra: Record<string, unknown> = {}) {
  const c = ctx.config;
  return {
    serverVersion: SERVER_VERSION,
    serverCommit: process.env.SHOAL_COMMIT ?? '',
    software: 'shoal',
    instance: {
      name: c.instance.name,
      shortDescription: c.instance.short_description,
      isNSFW: c.instance.is_nsfw,
      defaultNSFWPolicy: c.instance.default_nsfw_policy,
      defaultClientRoute: c.instance.default_client_route,
      customizations: { javascript: '', css: '' },
      avatars: [],
      banners: [],
    },
    signup: {
      allowed: c.signup.enabled,
      allowedForCurrentIP: c.signup.enabled,
      requiresApproval: c.signup.requires_approval,
      requiresEmailVerification: c.signup.requires_email_verification,
      minimumAge: c.signup.minimum_age,
    },
    email: { enabled: !!c.smtp.hostname },
    contactForm: { enabled: false },
    search: {
      remoteUri: { users: c.search.remote_uri.users, anonymous: c.search.remote_uri.anonymous },
      searchIndex: { enabled: false, url: '', disableLocalSearch: false, isDefaultSearch: false },
    },
    plugin: { registered: [], registeredExternalAuths: [], registeredIdAndPassAuths: [] },
    theme: { registered: [], builtIn: [], default: 'default' },
    avatar: { file: { size: { max: ACTOR_IMAGE_CONSTRAINTS.maxBytes }, extensions: ACTOR_IMAGE_CONSTRAINTS.extensions } },
    banner: { file: { size: { max: ACTOR_IMAGE_CONSTRAINTS.maxBytes }, extensions: ACTOR_IMAGE_CONSTRAINTS.extensions } },
    user: { videoQuota: c.user.video_quota, videoQuotaDaily: c.user.video_quota_daily },
    videoChannels: { maxPerUser: c.video_channels.max_per_user },
    fieldsConstraints: { users: { password: { minLength: USER_CONSTRAINTS.password.min, maxLength: USER_CONSTRAINTS.password.max } } },
    federation: { enabled: c.federation.enabled },
    broadcastMessage: { enabled: false, message: '', level: 'info', dismissable: false },
    homepage: { enabled: false },
    webadmin: { configuration: { edition: { allowed: true } } },
    ...extra,
  };
}

export function buildAboutConfig(ctx: AppContext) {
  const i = ctx.config.instance;
  return {
    instance: {
      name: i.name,
      shortDescription: i.short_description,
      description: i.description,
      terms: i.terms,
      codeOfConduct: i.code_of_conduct,
      hardwareInformation: i.hardware_information,
      creationReason: i.creation_reason,
      moderationInformation: i.moderation_information,
      administrator: i.administrator,
      maintenanceLifetime: i.maintenance_lifetime,
      businessModel: i.business_model,
      languages: i.languages,
      categories: i.categories,
      avatars: [],
      banners: [],
    },
  };
}
