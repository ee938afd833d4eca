import { randomUUID } from 'node:crypto';
import { ServerErrorCode, type RunnerRegister } from '@shoal/models';
import { AppError } from '../../platform/errors';
import type { RunnerRepository, RunnerRow } from './runner.repository';
import { serializeRegistrationToken, serializeRunner } from './runner.serializer';

type ListQuery = { start: number; count: number; sort: string };

/** Registration tokens and runner identities. */
export class RunnerService {
  constructor(private readonly repo: RunnerRepository) {}

  async generateRegistrationToken(): Promise<void> {
    await this.repo.createRegistrationToken(`ptrrt-${randomUUID()}`);
  }

  async listRegistrationTokens(q: ListQuery) {
    const { total, data } = await this.repo.listRegistrationTokens(q.start, q.count, q.sort);
    return { total, data: data.map(serializeRegistrationToken) };
  }

  async deleteRegistrationToken(id: number): Promise<void> {
    if (!(await this.repo.deleteRegistrationToken(id))) throw AppError.notFound('Registration token');
  }

  async register(body: RunnerRegister, ip: string | null): Promise<{ id: number; runnerToken: string }> {
    const token = await this.repo.findRegistrationToken(body.registrationToken);
    // PeerTube answers 404 without a code here: the runner only keys on unknown_runner_token.
    if (!token) throw new AppError(404, ServerErrorCode.NOT_FOUND, 'Registration token is invalid');
    if (await this.repo.nameTaken(body.name)) throw AppError.badRequest('This runner name already exists on this instance');
    const runnerToken = `ptrt-${randomUUID()}`;
    const id = await this.repo.createRunner({
      runnerToken,
      name: body.name,
      description: body.description ?? null,
      ip,
      version: body.version ?? null,
      registrationTokenId: token.id,
    });
    return { id, runnerToken };
  }

  /** The runner of a token, or 404 `unknown_runner_token` (the runner then forgets this server). */
  async authenticate(runnerToken: string, ip: string | null, version: string | null): Promise<RunnerRow> {
    const runner = await this.repo.findRunnerByToken(runnerToken);
    if (!runner) throw new AppError(404, ServerErrorCode.UNKNOWN_RUNNER_TOKEN, 'Unknown runner token');
    await this.repo.touchRunner(runner.id, ip, version);
    return runner;
  }

  async unregister(runnerToken: string): Promise<void> {
    const runner = await this.authenticate(runnerToken, null, null);
    await this.repo.deleteRunner(runner.id);
  }

  async list(q: ListQuery) {
    const { total, data } = await this.repo.listRunners(q.start, q.count, q.sort);
    return { total, data: data.map(serializeRunner) };
  }

  async remove(id: number): Promise<void> {
    if (!(await this.repo.deleteRunner(id))) throw AppError.notFound('Runner');
  }

  /** Socket handshakes: true when the token belongs to a runner. */
  async isKnown(runnerToken: unknown): Promise<boolean> {
    return typeof runnerToken === 'string' && runnerToken.length <= 1000 && (await this.repo.findRunnerByToken(runnerToken)) !== null;
  }
}
