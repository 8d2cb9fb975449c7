export type AfterClick = typeof import('./after-click.js');

let loading: Promise<AfterClick> | undefined;
let loaded: AfterClick | undefined;

/** The after-click code once loaded: every payment result comes from it, so handling one never waits. */
export const afterClick = (): AfterClick | undefined => loaded;

/**
 * The after-click code (after-click.ts), loaded once and shared; a failed load (the network) is
 * forgotten so the next payment tries again.
 */
export function loadAfterClick(): Promise<AfterClick> {
  loading ??= import('./after-click.js').then(
    (code) => (loaded = code),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
