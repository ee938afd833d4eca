import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ACTOR_IMAGE_CONSTRAINTS, ACTOR_IMAGE_FIELDS, type MyUser } from '@shoal/models';
import { ApiService } from '../../core/api.service';
import { ApiError, errorMessage } from '../../core/api-error';
import { AuthService } from '../../core/auth.service';
import { formatBytes } from '../../shared/format';

/** Avatar upload (multipart `avatarfile`) and removal. */
@Component({
  selector: 'sh-avatar-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="settings" aria-labelledby="avatar-title">
      <h2 id="avatar-title">Avatar</h2>
      <div class="avatar-row">
        @if (avatar(); as a) {
          <img [src]="a" alt="Your current avatar" width="96" height="96" />
        } @else {
          <span class="placeholder" aria-hidden="true"></span>
        }
        <div>
          <div class="form-field">
            <label for="avatar-file">Choose an image</label>
            <input id="avatar-file" type="file" [accept]="accept" (change)="upload($event)" aria-describedby="avatar-hint" />
            <span class="hint" id="avatar-hint">{{ accept }}, up to {{ maxSize }}.</span>
          </div>
          @if (avatar()) {
            <button type="button" class="btn" (click)="remove()">Remove the avatar</button>
          }
        </div>
      </div>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <p class="success" role="status">{{ saved() }}</p>
    </section>
  `,
  styles: `
    .avatar-row {
      display: flex;
      gap: 1rem;
      align-items: flex-start;
    }
    img,
    .placeholder {
      width: 96px;
      height: 96px;
      border-radius: 50%;
      object-fit: cover;
      background: var(--bg-soft);
      display: block;
      flex: none;
    }
  `,
})
export class AvatarFormComponent {
  readonly user = input.required<MyUser>();
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  protected readonly accept = ACTOR_IMAGE_CONSTRAINTS.extensions.join(',');
  protected readonly maxSize = formatBytes(ACTOR_IMAGE_CONSTRAINTS.maxBytes);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal('');
  /** The mid-size image: big enough for the preview, small to load. */
  protected readonly avatar = computed(() => {
    const avatars = this.user().account.avatars;
    return (avatars.find((a) => a.width >= 96 && a.width <= 600) ?? avatars[0])?.fileUrl ?? null;
  });

  protected async upload(event: Event): Promise<void> {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    if (!file) return;
    this.error.set(null);
    this.saved.set('');
    if (file.size > ACTOR_IMAGE_CONSTRAINTS.maxBytes) {
      this.error.set(`This image is too large (at most ${this.maxSize}).`);
      return;
    }
    const body = new FormData();
    body.append(ACTOR_IMAGE_FIELDS.avatar, file);
    try {
      // Multipart: sent with fetch, as the JSON API service does not build form data.
      const res = await fetch('/api/v1/users/me/avatar/pick', {
        method: 'POST',
        headers: { authorization: `Bearer ${this.auth.accessToken ?? ''}`, accept: 'application/json' },
        body,
      });
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
      await this.auth.reloadUser();
      this.saved.set('Avatar updated.');
    } catch (err) {
      this.error.set(errorMessage(err));
    } finally {
      field.value = '';
    }
  }

  protected async remove(): Promise<void> {
    this.error.set(null);
    try {
      await this.api.delete('/users/me/avatar');
      await this.auth.reloadUser();
      this.saved.set('Avatar removed.');
    } catch (err) {
      this.error.set(errorMessage(err));
    }
  }
}
