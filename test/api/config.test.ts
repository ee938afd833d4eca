import assert from 'node:assert/strict';
import { ACTOR_IMAGE_CONSTRAINTS } from '@shoal/models';
import { TestServer } from '../shared/server-process';

describe('Instance configuration (/config)', () => {
  let server: TestServer;

  before(async () => {
    server = await new TestServer({
      configYaml: `instance:\n  name: Test Shoal\n  short_description: Short words\n  terms: Be kind.\n  languages: ['en', 'fr']\nvideo_channels:\n  max_per_user: 7\n`,
    }).start();
  });
  after(() => server.destroy());

  interface PublicConfig {
    serverVersion: string;
    instance: { name: string; shortDescription: string; isNSFW: boolean; defaultNSFWPolicy: string; avatars: unknown[] };
    signup: {
      allowed: boolean;
      allowedForCurrentIP: boolean;
      requiresApproval: boolean;
      requiresEmailVerification: boolean;
      minimumAge: number;
    };
    avatar: { file: { size: { max: number }; extensions: string[] } };
    banner: { file: { size: { max: number }; extensions: string[] } };
    user: { videoQuota: number; videoQuotaDaily: number };
    videoChannels: { maxPerUser: number };
    fieldsConstraints: { users: { password: { minLength: number; maxLength: number } } };
    plugin: { registered: unknown[] };
    theme: { default: string };
    search: { remoteUri: { users: boolean; anonymous: boolean } };
  }

  it('describes the instance for clients, anonymously', async () => {
    const res = await server.anonymous().api<PublicConfig>('GET', '/config');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const c = res.body;
    assert.match(c.serverVersion, /^7\.\d+\.\d+$/);
    assert.equal(c.instance.name, 'Test Shoal');
    assert.equal(c.instance.shortDescription, 'Short words');
    assert.equal(c.instance.isNSFW, false);
    assert.equal(c.instance.defaultNSFWPolicy, 'display');
    assert.deepEqual(c.signup, {
      allowed: true,
      allowedForCurrentIP: true,
      requiresApproval: false,
      requiresEmailVerification: false,
      minimumAge: 16,
    });
    assert.equal(c.avatar.file.size.max, ACTOR_IMAGE_CONSTRAINTS.maxBytes);
    assert.deepEqual(c.avatar.file.extensions, [...ACTOR_IMAGE_CONSTRAINTS.extensions]);
    assert.deepEqual(c.banner.file.extensions, [...ACTOR_IMAGE_CONSTRAINTS.extensions]);
    assert.deepEqual(c.user, { videoQuota: -1, videoQuotaDaily: -1 });
    assert.equal(c.videoChannels.maxPerUser, 7);
    assert.deepEqual(c.fieldsConstraints.users.password, { minLength: 6, maxLength: 255 });
    assert.deepEqual(c.plugin.registered, []);
    assert.equal(typeof c.theme.default, 'string');
    assert.equal(typeof c.search.remoteUri.users, 'boolean');
  });

  it('gives the same answer to logged-in users and still refuses a bad token', async () => {
    const anonymous = await server.anonymous().api('GET', '/config');
    const admin = await server.admin.api('GET', '/config');
    assert.equal(admin.text, anonymous.text);
    assert.equal((await server.anonymous().api('GET', '/config', { token: 'bogus' })).status, 401);
  });

  it('describes the instance for its about page', async () => {
    const about = await server.anonymous().expect<{ instance: Record<string, unknown> }>(200, 'GET', '/api/v1/config/about');
    assert.equal(about.instance.name, 'Test Shoal');
    assert.equal(about.instance.terms, 'Be kind.');
    assert.deepEqual(about.instance.languages, ['en', 'fr']);
    for (const key of [
      'shortDescription',
      'description',
      'codeOfConduct',
      'hardwareInformation',
      'creationReason',
      'moderationInformation',
      'administrator',
      'maintenanceLifetime',
      'businessModel',
      'categories',
      'avatars',
      'banners',
    ]) {
      assert.ok(key in about.instance, `missing instance.${key}`);
    }
  });

  it('answers ping with pong', async () => {
    const res = await server.anonymous().api('GET', '/ping');
    assert.equal(res.status, 200);
    assert.equal(res.text, 'pong');
  });
});
