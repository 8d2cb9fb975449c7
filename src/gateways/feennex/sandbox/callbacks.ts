import { feennexNotificationSign } from '../server/notifications.js';

export interface CallbackTiming {
  /** Attempts per notification (first one included). */
  attempts: number;
  /** Timeout of one attempt. */
  timeoutMs: number;
  /** Wait before the first retry; doubled before each further one. */
  retryMs: number;
}

export interface CallbackDelivery {
  url: string;
  paymentId: number;
  /** Exactly what was posted, `sign` included (added before the first attempt). */
  fields: Readonly<Record<string, string>>;
  attempts: number;
  delivered: boolean;
  lastError?: string;
}

/**
 * Posts payment notifications (form-urlencoded as documented — "temporarily", the documents say,
 * instead of JSON — or, with `format: 'json'`, a JSON object of the same string fields; signed
 * as documented) without holding up the API answer that caused them, retrying with backoff until
 * the merchant answers HTTP 200 `OK`.
 */
export class CallbackSender {
  private log: CallbackDelivery[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly secretKey: string,
    private readonly timing: CallbackTiming,
    private readonly format: 'form' | 'json' = 'form',
  ) {}

  send(url: string, paymentId: number, fields: Record<string, string>): void {
    const delivery: CallbackDelivery = { url, paymentId, fields: { ...fields }, attempts: 0, delivered: false };
    const log = this.log;
    log.push(delivery);
    void feennexNotificationSign(fields, this.secretKey).then((sign) => {
      delivery.fields = { ...fields, sign };
      if (log === this.log) return this.attempt(delivery, log);
      return undefined;
    });
  }

  private async attempt(delivery: CallbackDelivery, log: CallbackDelivery[]): Promise<void> {
    delivery.attempts += 1;
    try {
      const response = await this.fetchImpl(delivery.url, {
        method: 'POST',
        headers: { 'content-type': this.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: this.format === 'json' ? JSON.stringify(delivery.fields) : new URLSearchParams(delivery.fields).toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timing.timeoutMs),
      });
      const body = (await response.text()).trim();
      if (response.status === 200 && body === 'OK') {
        delivery.delivered = true;
        delete delivery.lastError;
        return;
      }
      delivery.lastError = `HTTP ${response.status}, the body was not OK`;
    } catch (error) {
      delivery.lastError = (error as Error).name === 'TimeoutError' ? 'timed out' : 'network error';
    }
    if (delivery.attempts >= this.timing.attempts || log !== this.log) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.attempt(delivery, log);
      },
      this.timing.retryMs * 2 ** (delivery.attempts - 1),
    );
    timer.unref?.();
    this.timers.add(timer);
  }

  deliveries(): CallbackDelivery[] {
    return this.log.map((delivery) => ({ ...delivery }));
  }

  /** Forgets every notification and stops their retries. */
  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.log = [];
  }
}
