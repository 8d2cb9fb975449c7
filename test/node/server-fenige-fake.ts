import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { listen } from '../support/http.js';

/** A tiny stand-in for Fenige over real HTTP: records each request and answers what a test scripts. */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeAnswer {
  status: number;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  contentType?: string;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
}

export interface FakeFenige {
  url: string;
  requests: RecordedRequest[];
  /** The answer to the next requests (until changed); a function sees each request. */
  answer(next: FakeAnswer | ((request: RecordedRequest) => FakeAnswer)): void;
  /**
   * The same fake without a socket, for a client with a short timeout (`FenigeClient`'s `fetch`):
   * an answer is read before the event loop turns again, so however busy the machine, only a
   * request scripted to hang ever meets that timeout.
   */
  fetch: typeof fetch;
  close(): Promise<void>;
}

const textOf = (answer: FakeAnswer) => (typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body));
const contentTypeOf = (answer: FakeAnswer) => answer.contentType ?? 'application/json;charset=UTF-8';

export async function startFakeFenige(): Promise<FakeFenige> {
  const requests: RecordedRequest[] = [];
  let script: FakeAnswer | ((request: RecordedRequest) => FakeAnswer) = { status: 500 };
  const answerTo = (recorded: RecordedRequest) => {
    requests.push(recorded);
    return typeof script === 'function' ? script(recorded) : script;
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      const answer = answerTo(recorded);
      if (answer.hang) return;
      res.writeHead(answer.status, { 'Content-Type': contentTypeOf(answer) });
      res.end(textOf(answer));
    });
  });
  const listening = await listen(server);
  return {
    url: listening.url,
    requests,
    answer(next) {
      script = next;
    },
    async fetch(input, init = {}) {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const raw = typeof init.body === 'string' ? init.body : '';
      const headers = Object.fromEntries(new Headers(init.headers)) as IncomingHttpHeaders;
      const answer = answerTo({ method: init.method ?? 'GET', path: url.pathname + url.search, headers, body: raw ? JSON.parse(raw) : undefined });
      if (answer.hang) {
        const signal = init.signal;
        return new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
      }
      return new Response(textOf(answer), { status: answer.status, headers: { 'Content-Type': contentTypeOf(answer) } });
    },
    close: listening.close,
  };
}

/** Fenige's documented example answers, copied verbatim. */
export const SEED = {
  googlePayOk: {
    transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba',
    itemId: 'f34e8330-99fe-4ca4-8ee7-3628c989a6e2',
    status: 'APPROVED',
    externalTransactionId: '49a91f00-26b4-49a2-9c77-ed37646ddf64',
  },
  clearOk: { completion: { estimate: '2024-06-08T23:34:37.536848384' }, status: 'S0004', message: 'PENDING', httpStatus: 'ACCEPTED' },
  reverseOk: {
    requestUuid: '55303edd-4f68-4840-8e1e-a79d9be2591e',
    reversalStatus: 'APPROVED',
    responseCode: 'CODE_00',
    status: 'S0005',
    message: 'Success reverse transaction',
    httpStatus: 'OK',
  },
  detailsOk: {
    creationDate: '2024-01-13T14:11:54.422+01:00',
    transactionId: 'ee58ef03-d6ed-4a07-8885-d050c439ec6c',
    transactionState: 'SUCCESS',
    amount: 100,
    currencyCode: 'PLN',
    description: 'description',
    currency: 'PLN',
    sender: { firstName: 'User', lastName: 'TestUser', email: 'test@fenige.pl', phone: '500500500' },
  },
  paymelinkOk: {
    value: 'https://paytool-dev.fenige.pl/e8930814-6d5b-4dd2-a511-ac9a1a5326c4',
    transactionId: 'e8930814-6d5b-4dd2-a511-ac9a1a5326c4',
  },
  E8000: {
    errors: {
      expiryDate: ['invalid card format expiration date', 'must not be null', 'must not be blank'],
      firstName: ['must not be blank', 'must not be null'],
      lastName: ['must not be null', 'must not be blank'],
      amount: ['must not be null'],
      merchantUuid: ['must not be null'],
      terminalLocation: ['must not be null'],
      requestUuid: ['must not be null'],
      currency: ['must not be null'],
    },
    status: 'E8000',
    httpStatus: 'BAD_REQUEST',
    traceId: 'ef829624-7b42-44ab-b558-9308da7da03b',
  },
  E8002: { status: 'E8002', message: 'Unauthorized', httpStatus: 'UNAUTHORIZED', traceId: '7521956d-f77c-44ad-8ed7-a50cc2ca48d4' },
  E8001: { status: 'E8001', message: 'Forbidden', httpStatus: 'FORBIDDEN', traceId: 'c8bc5659-f6e1-4a73-98ff-e11b8e80c598' },
  E0122: { status: 'E0122', message: 'Merchant not exists.', httpStatus: 'NOT_FOUND', traceId: '3930d2b4-662d-4c85-820a-6af270a0bde8' },
  E0150: {
    requestUuid: 'c1137dd5-e05c-43fd-9be7-e2c8b675f82e',
    transactionStatus: 'REJECTED',
    status: 'E0150',
    message: 'Transaction rejected',
    httpStatus: 'UNPROCESSABLE_ENTITY',
    traceId: 'c3f73ce5-06db-4e07-aadb-310001702864',
  },
  E0153: {
    requestUuid: 'c12fb58e-0ec7-4f58-93cd-88cc029686cb',
    transactionStatus: 'PENDING',
    status: 'E0153',
    message: 'Transaction declined, problem with MIP connection',
    httpStatus: 'INTERNAL_SERVER_ERROR',
    traceId: 'fb174931-2eec-4837-be36-7c9c41e3a2b7',
  },
  E9001: { status: 'E9001', message: 'Error acquirer connection', httpStatus: 'SERVICE_UNAVAILABLE', traceId: '00b20d46-ee72-4ed6-8d98-a734fc095373' },
};

/** Fenige's documented google-pay request body (its token shortened but of the same shape). */
export const googlePayBody = () => ({
  amount: 1000,
  transactionId: '08ea8e28-0aad-45eb-8368-f15bdadd5eba',
  description: 'SUCCESS',
  browserIp: '41.11.22.1',
  currency: 'PLN',
  deposit: false,
  sender: { firstName: 'firstName', lastName: 'lastName', email: 'emaiL@email.pl' },
  token: {
    signature: 'MEUCIQDx0PjhU6041nIbz6mBagbDUGE9DF8NtLAq1hKyQih9sQIgd5V3ROT5uVXZuYt0i/1RREc1mNnkg0VlnstseI4oN4w=',
    intermediateSigningKey: {
      signedKey: '{"keyValue":"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE","keyExpiration":"1667554292000"}',
      signatures: ['MEYCIQDRc5NBd/GC5loetxwL3idIMMsR2vpXicoqlvsPEFIirwIhAMOHvdrHt/sMt5PxS4o0SYO3sCOb6hT9a2t+PMBcM/u7'],
    },
    protocolVersion: 'ECv2',
    signedMessage:
      '{"encryptedMessage":"Tlkj3N2bApMJ2x2IUgsoTvqY","ephemeralPublicKey":"BH6BiZF1XFldmO+8EH13KABs4ttulS68cYHg9HRgYCbV6mdGIa4E2YQuDtsn98MtSQoJ6wA8LtIpa5L6FF9WyCM=","tag":"1BcFY5B7BuSa3cVwRQx58fdHvwWO8zd0BDrOzva6O14="}',
  },
});
