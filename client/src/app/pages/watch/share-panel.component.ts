import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import type { VideoDetails } from '@shoal/models';

/** Link and embed code of a video, each with a copy button. */
@Component({
  selector: 'sh-share-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title">Share</h2>
      <div class="form-field">
        <label for="share-url">Link</label>
        <div class="row">
          <input id="share-url" type="text" readonly [value]="url()" (focus)="select($event)" />
          <button type="button" class="btn" (click)="copy(url(), 'link')">Copy link</button>
        </div>
      </div>
      <div class="form-field">
        <label for="share-embed">Embed code</label>
        <div class="row">
          <textarea id="share-embed" readonly rows="3" [value]="embed()" (focus)="select($event)"></textarea>
          <button type="button" class="btn" (click)="copy(embed(), 'embed code')">Copy embed code</button>
        </div>
      </div>
      <p class="success" role="status">{{ copied() }}</p>
    </section>
  `,
  styles: `
    .share {
      border: 1px solid var(--border);
      border-radius: 8px;
      padding: 0 1rem 0.5rem;
      margin: 1rem 0;
    }
    .row {
      display: flex;
      gap: 0.5rem;
      align-items: flex-start;
    }
    .row input,
    .row textarea {
      flex: 1;
      font-family: ui-monospace, monospace;
      font-size: 0.85rem;
    }
  `,
})
export class SharePanelComponent {
  readonly video = input.required<VideoDetails>();
  protected readonly copied = signal('');

  protected readonly url = computed(() => `${location.origin}/w/${this.video().shortUUID}`);
  protected readonly embed = computed(() => {
    const v = this.video();
    const title = v.name.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return (
      `<iframe title="${title}" width="560" height="315" src="${location.origin}/videos/embed/${v.uuid}" ` +
      `style="border: 0" allow="fullscreen" sandbox="allow-same-origin allow-scripts allow-popups allow-forms"></iframe>`
    );
  });

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement | HTMLTextAreaElement).select();
  }

  protected async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied.set(`The ${what} was copied.`);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the field stays selectable.
      this.copied.set(`Select the ${what} and copy it with your keyboard.`);
    }
  }
}
