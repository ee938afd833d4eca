import videojs from 'video.js/core.es.js';
import type Player from 'video.js/dist/types/player';

/** One choice of a control-bar menu. */
export interface MenuEntry {
  label: string;
  selected: boolean;
  select: () => void;
}

export interface SelectMenuOptions {
  /** Extra CSS class of the control. */
  className: string;
  /** Accessible name of the button ("Quality", "Chapters"). */
  title: string;
  entries: () => MenuEntry[];
  /** Short text shown on the button itself. */
  value: () => string;
}

// video.js ships loose typings for its component classes: these describe the part we use.
interface VjsComponent {
  el(): Element;
  addClass(name: string): void;
  hide(): void;
  show(): void;
  options_: Record<string, unknown>;
}
interface VjsMenuButton extends VjsComponent {
  menuButton_: VjsComponent;
  items: unknown[];
  update(): void;
  controlText(text?: string): string;
  buildCSSClass(): string;
  createItems(): unknown[];
}
interface VjsMenuItem extends VjsComponent {
  handleClick(event: Event): void;
}
type Ctor<T> = new (player: Player, options?: Record<string, unknown>) => T;

const MenuButton = videojs.getComponent('MenuButton') as unknown as Ctor<VjsMenuButton>;
const MenuItem = videojs.getComponent('MenuItem') as unknown as Ctor<VjsMenuItem>;

class EntryItem extends MenuItem {
  override handleClick(): void {
    (this.options_['entry'] as MenuEntry).select();
  }
}

/**
 * A control-bar button opening a radio-style menu (quality, chapters). video.js builds the
 * items from inside its constructor, so the options travel through `options_`.
 */
export class SelectMenuButton extends MenuButton {
  private valueEl: HTMLElement | null = null;

  constructor(player: Player, options: SelectMenuOptions) {
    super(player, { selectMenu: options });
    this.controlText(options.title);
    this.addClass(options.className);
    this.refresh();
  }

  private get menuOptions(): SelectMenuOptions {
    return this.options_['selectMenu'] as SelectMenuOptions;
  }

  override createItems(): unknown[] {
    const player = (this as unknown as { player_: Player }).player_;
    return this.menuOptions
      .entries()
      .map(
        (entry) => new EntryItem(player, { label: entry.label, entry, selectable: true, selected: entry.selected, multiSelectable: false }),
      );
  }

  /** Rebuilds the items and the button's text after the underlying state changed. */
  refresh(): void {
    this.update();
    if (!this.valueEl) {
      this.valueEl = document.createElement('span');
      this.valueEl.className = 'vjs-select-menu-value';
      this.valueEl.setAttribute('aria-hidden', 'true');
      this.menuButton_.el().appendChild(this.valueEl);
    }
    this.valueEl.textContent = this.menuOptions.value();
  }
}
