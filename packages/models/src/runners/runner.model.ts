import type { RunnerJobType } from './runner-job.enums';

export interface RunnerRegistrationTokenView {
  id: number;
  registrationToken: string;
  createdAt: string;
  updatedAt: string;
  registeredRunnersCount: number;
}

export interface RunnerView {
  id: number;
  name: string;
  description: string | null;
  ip: string | null;
  lastContact: string;
  version: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A job as runners see it (spec §5.1); admins also get `privatePayload`. */
export interface RunnerJobView {
  uuid: string;
  type: RunnerJobType;
  state: { id: number; label: string };
  payload: Record<string, unknown>;
  failures: number;
  error: string | null;
  progress: number | null;
  priority: number;
  startedAt?: string;
  finishedAt?: string;
  createdAt: string;
  updatedAt: string;
  parent?: { id: number; uuid: string; type: RunnerJobType; state: { id: number; label: string } };
  runner: { id: number; name: string; description: string | null } | null;
  privatePayload?: Record<string, unknown>;
}

export interface AvailableRunnerJob {
  uuid: string;
  type: RunnerJobType;
  payload: Record<string, unknown>;
}

export interface AcceptedRunnerJob extends RunnerJobView {
  jobToken: string;
}
