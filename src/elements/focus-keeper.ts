import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the payer's focus in the element: when the control the payer used is gone once the payment
 * has ended (a success hides the button), the status message takes the focus.
 */
export class FocusKeeper implements ReactiveController {
  /** The payer started the payment from inside the element. */
  private inside = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly ended: () => boolean,
  ) {
    host.addController(this);
  }

  /** A payment starts: remembers whether the payer's focus was inside the element. */
  started(): void {
    this.inside = !!this.host.shadowRoot!.activeElement;
  }

  hostUpdated(): void {
    // Only once the payment has ended: while the Google Pay sheet is open, focus belongs to it.
    if (!this.inside || !this.ended()) return;
    this.inside = false;
    const root = this.host.shadowRoot!;
    const page = this.host.ownerDocument;
    const active = root.activeElement as HTMLElement | null;
    const lost = !active || active.offsetParent === null;
    if (lost && (page.activeElement === page.body || page.activeElement === this.host)) root.querySelector<HTMLElement>('[part="status"]')?.focus();
  }
}
