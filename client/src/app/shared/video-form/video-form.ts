import { FormBuilder, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { VIDEO_CONSTRAINTS, VideoPrivacy, type VideoDetails, type VideoUpdate } from '@shoal/models';

const c = VIDEO_CONSTRAINTS;

/** Comma-separated tags, each within the server's limits (read from @shoal/models). */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function tagsValidator(control: AbstractControl): ValidationErrors | null {
  const tags = parseTags(String(control.value ?? ''));
  if (tags.length > c.tags.maxCount) return { custom: `At most ${c.tags.maxCount} tags.` };
  const bad = tags.find((t) => t.length < c.tags.min || t.length > c.tags.max);
  return bad ? { custom: `Each tag needs ${c.tags.min} to ${c.tags.max} characters ("${bad}").` } : null;
}

/** A password is needed only for password-protected videos. */
function passwordValidator(control: AbstractControl): ValidationErrors | null {
  const privacy = Number(control.parent?.get('privacy')?.value);
  if (privacy !== VideoPrivacy.PASSWORD_PROTECTED) return null;
  const value = String(control.value ?? '');
  if (!value) return { required: true };
  if (value.length < c.password.min) return { minlength: { requiredLength: c.password.min } };
  if (value.length > c.password.max) return { maxlength: { requiredLength: c.password.max } };
  return null;
}

export function createVideoForm(fb: FormBuilder) {
  const form = fb.nonNullable.group({
    name: ['', [Validators.required, Validators.minLength(c.name.min), Validators.maxLength(c.name.max)]],
    channelId: [0, [Validators.required, Validators.min(1)]],
    privacy: [VideoPrivacy.PUBLIC as number, Validators.required],
    videoPassword: ['', passwordValidator],
    description: ['', [Validators.maxLength(c.description.max)]],
    category: [''],
    licence: [''],
    language: [''],
    tags: ['', tagsValidator],
    nsfw: [false],
    downloadEnabled: [true],
    support: ['', [Validators.maxLength(c.support.max)]],
  });
  // The password rule depends on the privacy: re-check it when the privacy changes.
  form.controls.privacy.valueChanges.subscribe(() => form.controls.videoPassword.updateValueAndValidity());
  return form;
}
export type VideoForm = ReturnType<typeof createVideoForm>;

/** The form as a `PUT /videos/:id` body. */
export function videoFormBody(form: VideoForm): VideoUpdate {
  const v = form.getRawValue();
  const body: VideoUpdate = {
    name: v.name.trim(),
    channelId: Number(v.channelId),
    privacy: Number(v.privacy) as VideoUpdate['privacy'],
    description: v.description || null,
    category: v.category ? Number(v.category) : null,
    licence: v.licence ? Number(v.licence) : null,
    language: v.language || null,
    tags: parseTags(v.tags),
    nsfw: v.nsfw,
    downloadEnabled: v.downloadEnabled,
    support: v.support || null,
  };
  if (body.privacy === VideoPrivacy.PASSWORD_PROTECTED && v.videoPassword) body.videoPasswords = [v.videoPassword];
  return body;
}

export function fillVideoForm(form: VideoForm, video: VideoDetails, password = ''): void {
  form.patchValue({
    name: video.name,
    channelId: video.channel.id,
    privacy: video.privacy.id,
    videoPassword: password,
    description: video.description ?? '',
    category: video.category.id === null ? '' : String(video.category.id),
    licence: video.licence.id === null ? '' : String(video.licence.id),
    language: video.language.id ?? '',
    tags: video.tags.join(', '),
    nsfw: video.nsfw,
    downloadEnabled: video.downloadEnabled,
    support: video.support ?? '',
  });
}

/** A title the server accepts, from a file name ("clip.mp4" → "clip"), padded to the minimum length. */
export function nameFromFilename(filename: string): string {
  const base = filename.replace(/\.[^.]+$/, '').trim() || 'Video';
  return base.padEnd(c.name.min, '_').slice(0, c.name.max);
}
