import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import {
  VIDEO_CATEGORIES,
  VIDEO_CONSTRAINTS,
  VIDEO_LANGUAGES,
  VIDEO_LICENCES,
  VIDEO_PRIVACY_LABELS,
  VideoPrivacy,
  type VideoChannel,
} from '@shoal/models';
import { FieldErrorComponent } from '../field-error.component';
import type { VideoForm } from './video-form';

const entries = (record: Record<string | number, string>) => Object.entries(record).map(([id, label]) => ({ id, label }));

/** The metadata fields of a video, shared by the upload and edit pages. */
@Component({
  selector: 'sh-video-form',
  imports: [ReactiveFormsModule, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './video-form.component.html',
  styles: `
    .two {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0 1rem;
      max-width: 40rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.75rem;
    }
  `,
})
export class VideoFormComponent {
  readonly form = input.required<VideoForm>();
  readonly channels = input<VideoChannel[]>([]);
  /** Prefix of element ids, so two forms on a page stay unique. */
  readonly idPrefix = input('video');
  /** The video already has passwords, edited in their own list (edit page): no single password field then. */
  readonly passwordsElsewhere = input(false);

  protected readonly c = VIDEO_CONSTRAINTS;
  protected readonly passwordProtected = VideoPrivacy.PASSWORD_PROTECTED;
  protected readonly privacies = entries(VIDEO_PRIVACY_LABELS);
  protected readonly categories = entries(VIDEO_CATEGORIES);
  protected readonly licences = entries(VIDEO_LICENCES);
  protected readonly languages = entries(VIDEO_LANGUAGES);

  protected isPasswordProtected(): boolean {
    return Number(this.form().controls.privacy.value) === VideoPrivacy.PASSWORD_PROTECTED;
  }
}
