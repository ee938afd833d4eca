import sharp from 'sharp';
import type { TestServer } from '../../test/shared/server-process';

const OWNERS = 6;

/**
 * About `total` channels spread over a few users, each user and every other channel with
 * an avatar, so list items carry images like on a real instance.
 */
export async function seedChannels(server: TestServer, total: number): Promise<void> {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .png()
    .toBuffer();
  const image = new Blob([png], { type: 'image/png' });
  const perOwner = Math.ceil(total / OWNERS);
  for (let u = 0; u < OWNERS; u++) {
    const username = `bench_user${u}`;
    const password = 'bench-password';
    await server.admin.createUser({ username, password, email: `${username}@example.com`, role: 2 });
    const client = await server.admin.as(username, password);
    await client.pickImage('me', 'avatar', image, 'avatar.png');
    // The user's default channel counts as the first one.
    for (let k = 1; k < perOwner; k++) {
      const name = `bench_u${u}_c${k}`;
      await client.createChannel({ name, displayName: `Bench channel ${u}.${k}`, description: 'A channel created by the API benchmark.' });
      if (k % 2 === 0) await client.pickImage({ channel: name }, 'avatar', image, 'avatar.png');
    }
  }
}
