import type { CallbackTiming } from './callbacks.js';
import type { GooglePayNames } from './google-pay.js';
import type { Params } from './params.js';
import type { SandboxState } from './state.js';

export interface FeennexSandboxTiming {
  /** How long slow operations stay in progress before they settle (default 5 s). */
  processingMs: number;
  /** How late the "timeout" magic amount answers (default 35 s, beyond usual client timeouts). */
  slowAnswerMs: number;
  callbacks: CallbackTiming;
}

/** What an API method handler gets once the request is authenticated. */
export interface MethodContext {
  params: Params;
  /** The signed values, as strings. */
  values: Readonly<Record<string, string>>;
  shopId: string;
  state: SandboxState;
  timing: FeennexSandboxTiming;
  /** The names this deployment gives Google Pay (payway system, token field). */
  googlePay: GooglePayNames;
  /** Absolute URL of one of the sandbox's pages for an operation. */
  pageUrl(page: 'pay' | '3ds', id: number): string;
  signal: AbortSignal;
}

export type MethodHandler = (context: MethodContext) => unknown;
