import { css } from 'lit';

/**
 * The element's own look. Google's button is never restyled (brand rules): only its container is
 * laid out. Merchants theme the rest with `--paytool-*` custom properties or `::part`.
 */
export const styles = css`
  :host {
    display: block;
    font: var(--paytool-font, inherit);
    color: var(--paytool-text-color, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [hidden] {
    display: none !important;
  }
  .container {
    display: grid;
    gap: var(--paytool-gap, 0.5rem);
  }
  /* The button's final height is held while Google Pay loads, so nothing below it moves (CLS 0). */
  .button {
    min-height: var(--paytool-button-height, 40px);
  }
  :host([state='loading']) .button {
    visibility: hidden;
  }
  .button[aria-disabled='true'] {
    opacity: 0.5;
    pointer-events: none;
  }
  .status:empty {
    display: none;
  }
  .status {
    padding: var(--paytool-status-padding, 0.5rem 0.75rem);
    border-radius: var(--paytool-radius, 4px);
    background: var(--paytool-status-background, #f3f4f6);
  }
  .status[data-tone='success'] {
    color: var(--paytool-success-color, #166534);
  }
  .status[data-tone='failure'],
  .status[data-tone='invalid'] {
    color: var(--paytool-error-color, #b91c1c);
  }
  .fallback {
    font: inherit;
    min-height: 40px;
    padding: 0 1rem;
    border: 1px solid var(--paytool-fallback-border, currentColor);
    border-radius: var(--paytool-radius, 4px);
    background: var(--paytool-fallback-background, #fff);
    color: var(--paytool-fallback-color, #111827);
    cursor: pointer;
  }
  .fallback:focus-visible {
    outline: 2px solid var(--paytool-focus-color, #2563eb);
    outline-offset: 2px;
  }
  @media (prefers-color-scheme: dark) {
    .status {
      background: var(--paytool-status-background, #1f2937);
    }
    .status[data-tone='success'] {
      color: var(--paytool-success-color, #86efac);
    }
    .status[data-tone='failure'],
    .status[data-tone='invalid'] {
      color: var(--paytool-error-color, #fca5a5);
    }
    .fallback {
      background: var(--paytool-fallback-background, #111827);
      color: var(--paytool-fallback-color, #f9fafb);
    }
  }
`;
