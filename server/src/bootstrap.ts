import { randomBytes } from 'node:crypto';
import { UserRole } from '@shoal/models';
import type { AppContext } from './platform/context';
import type { Services } from './services';
import { UserModel } from './modules/users';

/**
 * First start only: creates the root administrator. Its password comes from
 * PT_ADMIN_PASSWORD or is generated and printed once on stdout (never logged).
 */
export async function ensureRootUser(ctx: AppContext, services: Services): Promise<void> {
  await services.auth.ensureLocalClient();
  if ((await UserModel.count()) > 0) return;
  const given = process.env.PT_ADMIN_PASSWORD;
  const password = given || randomBytes(12).toString('base64url');
  await services.users.create({
    username: 'root',
    password,
    email: ctx.config.admin.email,
    role: UserRole.ADMINISTRATOR,
    emailVerified: true,
  });
  if (!given) process.stdout.write(`\nAdministrator created. Username: root  Password: ${password}\n\n`);
  else process.stdout.write('\nAdministrator created. Username: root  Password: (from PT_ADMIN_PASSWORD)\n\n');
}
