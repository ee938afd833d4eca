import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RUNNER_JOB_STATE_LABELS, RunnerJobState, type ResultList, type RunnerJobView } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { errorMessage } from '../../core/api-error';
import { timeAgo } from '../../shared/format';

const PAGE = 20;
/** Jobs that can still be cancelled (not finished one way or the other). */
const CANCELLABLE: ReadonlySet<number> = new Set([
  RunnerJobState.PENDING,
  RunnerJobState.PROCESSING,
  RunnerJobState.WAITING_FOR_PARENT_JOB,
]);

/** Runner jobs of the instance, filtered by state, with cancel. */
@Component({
  selector: 'sh-runner-jobs',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="jobs-title">
      <h2 id="jobs-title">Runner jobs</h2>
      <div class="form-field">
        <label for="job-state">State</label>
        <select id="job-state" name="state" [(ngModel)]="state" (ngModelChange)="load(0)">
          <option [ngValue]="0">All states</option>
          @for (s of states; track s.id) {
            <option [ngValue]="s.id">{{ s.label }}</option>
          }
        </select>
      </div>
      <p class="success" role="status">{{ status() }}</p>
      @if (error()) {
        <p class="alert error" role="alert">{{ error() }}</p>
      }
      @if (jobs() === null) {
        <p class="muted" role="status">Loading the jobs…</p>
      } @else if (!jobs()!.length) {
        <p class="muted">No job.</p>
      } @else {
        <table>
          <caption class="visually-hidden">
            Runner jobs,
            {{
              total()
            }}
            in all
          </caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">State</th>
              <th scope="col">Progress</th>
              <th scope="col">Runner</th>
              <th scope="col">Updated</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (j of jobs(); track j.uuid) {
              <tr [attr.data-job-uuid]="j.uuid">
                <td>
                  {{ j.type }}
                  <div class="muted small">{{ j.uuid }}</div>
                </td>
                <td>
                  {{ j.state.label }}
                  @if (j.error) {
                    <div class="error small">{{ j.error }}</div>
                  }
                </td>
                <td>{{ j.progress === null ? '' : j.progress + ' %' }}</td>
                <td>{{ j.runner?.name ?? '' }}</td>
                <td>{{ ago(j.updatedAt) }}</td>
                <td>
                  @if (cancellable(j)) {
                    <button type="button" class="btn btn-danger" (click)="cancel(j)">
                      Cancel<span class="visually-hidden"> job {{ j.uuid }}</span>
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
        <div class="pager">
          <button type="button" class="btn" [disabled]="start() === 0" (click)="load(start() - pageSize)">Previous page</button>
          <span class="muted">{{ start() + 1 }}–{{ start() + jobs()!.length }} of {{ total() }}</span>
          <button type="button" class="btn" [disabled]="start() + pageSize >= total()" (click)="load(start() + pageSize)">Next page</button>
        </div>
      }
    </section>
  `,
  styles: `
    .small {
      font-size: 0.8rem;
    }
    .pager {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-top: 1rem;
    }
  `,
})
export class RunnerJobsComponent {
  private readonly api = inject(ApiService);
  protected readonly ago = timeAgo;
  protected readonly states = Object.entries(RUNNER_JOB_STATE_LABELS).map(([id, label]) => ({ id: Number(id), label }));
  protected readonly jobs = signal<RunnerJobView[] | null>(null);
  protected readonly total = signal(0);
  protected readonly start = signal(0);
  protected readonly status = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly pageSize = PAGE;
  protected state = 0;

  constructor() {
    void this.load(0);
  }

  protected cancellable(job: RunnerJobView): boolean {
    return CANCELLABLE.has(job.state.id);
  }

  protected async load(start = this.start()): Promise<void> {
    this.error.set(null);
    try {
      const query = { start, count: PAGE, sort: '-updatedAt', stateOneOf: this.state ? [this.state] : undefined };
      const res = await this.api.get<ResultList<RunnerJobView>>('/runners/jobs', { query });
      this.jobs.set(res.data);
      this.total.set(res.total);
      this.start.set(start);
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }

  protected async cancel(job: RunnerJobView): Promise<void> {
    if (!confirm(`Cancel the ${job.type} job?`)) return;
    try {
      await this.api.post(`/runners/jobs/${job.uuid}/cancel`);
      this.status.set('Job cancelled.');
      await this.load();
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
