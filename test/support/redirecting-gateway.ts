import { after, before } from 'node:test';
import type { ServerResponse } from 'node:http';
import { serveRecording, type ReceivedRequest, type Recording } from './http.js';

/** The statuses of a redirect a gateway client must never follow. */
export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

/**
 * A gateway that redirects, for the test file that calls this (its servers start in `before` and
 * stop in `after`): one server per redirect status answers every request with that status and a
 * Location on `elsewhere`, which `answer`s as the real gateway would. A client that followed a
 * redirect shows up in `elsewhere.received`.
 */
export function redirectingGateway(answer: (request: ReceivedRequest, res: ServerResponse) => void) {
  let elsewhere: Recording | undefined;
  const redirecting = new Map<number, Recording>();
  before(async () => {
    elsewhere = await serveRecording(answer);
    for (const status of REDIRECT_STATUSES) {
      redirecting.set(
        status,
        await serveRecording((request, res) =>
          res.writeHead(status, { location: `${elsewhere!.url}${request.path}`, 'content-type': 'text/html' }).end('<a>moved</a>'),
        ),
      );
    }
  });
  after(async () => {
    for (const server of redirecting.values()) await server.close();
    await elsewhere?.close();
  });
  return {
    /** Where the redirects point. */
    get elsewhere(): Recording {
      return elsewhere!;
    },
    /** The server the client is configured with, for a redirect status. */
    at: (status: number): Recording => redirecting.get(status)!,
  };
}
