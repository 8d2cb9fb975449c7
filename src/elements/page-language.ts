import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageLanguage } from '../i18n/index.js';

/**
 * Follows the language the page declares around its host (`<html lang>`, the nearest `[lang]`)
 * while the host is connected, and calls `changed` only when that language really changes — pages
 * set `lang` often, mostly to the value it already has.
 */
export class PageLanguage implements ReactiveController {
  private observer?: MutationObserver;
  private value?: string;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly changed: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.value = pageLanguage(this.host);
    this.observer ??= new MutationObserver(() => {
      const now = pageLanguage(this.host);
      if (now === this.value) return;
      this.value = now;
      this.changed();
    });
    this.observer.observe(this.host.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
