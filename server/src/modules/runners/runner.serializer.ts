import { RUNNER_JOB_STATE_LABELS, type RunnerJobView, type RunnerRegistrationTokenView, type RunnerView } from '@shoal/models';
import type { RunnerJobRow } from './runner-job.repository';
import type { RegistrationTokenRow, RunnerRow } from './runner.repository';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : undefined);

export function serializeRegistrationToken(t: RegistrationTokenRow): RunnerRegistrationTokenView {
  return {
    id: t.id,
    registrationToken: t.registrationToken,
    createdAt: iso(t.createdAt)!,
    updatedAt: iso(t.updatedAt)!,
    registeredRunnersCount: t.registeredRunnersCount,
  };
}

export function serializeRunner(r: RunnerRow): RunnerView {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    ip: r.ip,
    lastContact: iso(r.lastContact)!,
    version: r.version,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

/** Spec §5.1; `privatePayload` only for admins. Unset dates and parents are left out, as PeerTube does. */
export function serializeRunnerJob(j: RunnerJobRow, admin: boolean): RunnerJobView {
  const view: RunnerJobView = {
    uuid: j.uuid,
    type: j.type,
    state: { id: j.state, label: RUNNER_JOB_STATE_LABELS[j.state] },
    payload: j.payload,
    failures: j.failures,
    error: j.error,
    progress: j.progress,
    priority: j.priority,
    startedAt: iso(j.startedAt),
    finishedAt: iso(j.finishedAt),
    createdAt: iso(j.createdAt)!,
    updatedAt: iso(j.updatedAt)!,
    runner: j.runnerId ? { id: j.runnerId, name: j.runnerName ?? '', description: j.runnerDescription } : null,
  };
  if (!view.startedAt) delete view.startedAt;
  if (!view.finishedAt) delete view.finishedAt;
  if (j.parentUuid && j.dependsOnRunnerJobId) {
    const state = j.parentState!;
    view.parent = {
      id: j.dependsOnRunnerJobId,
      uuid: j.parentUuid,
      type: j.parentType!,
      state: { id: state, label: RUNNER_JOB_STATE_LABELS[state] },
    };
  }
  if (admin) view.privatePayload = j.privatePayload as unknown as Record<string, unknown>;
  return view;
}
