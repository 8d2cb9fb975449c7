// The page-load conditions of the paired bench and trace.ts. No browser code is loaded here, so
// bench/args.ts can check `--profiles` against the ids.
import type { CDPSession } from 'playwright-core';

/** A page-load condition: where pay.js comes from, the network (Chromium's own throttling) and the CPU. */
export interface Profile {
  id: string;
  label: string;
  /** `preinstalled`: the fake client is in the page before the element (no pay.js download) — the CPU floor. */
  google: 'preinstalled' | 'network';
  /** Added to every request, in ms (Chromium applies it per request, at the HTTP level). */
  latencyMs?: number;
  downloadMbps?: number;
  uploadMbps?: number;
  cpuSlowdown: number;
  /**
   * Round trips pay.js's new origin costs before its request can be sent (TCP, then TLS 1.3: 2).
   * Chromium's throttling is per request and leaves connection setup out, so the stand-in's server
   * holds each new connection this many times `latencyMs` (bench/client/pay-js-server.ts).
   */
  newOriginRtts?: number;
}

const FAST = { google: 'network', latencyMs: 20, downloadMbps: 10, uploadMbps: 5, cpuSlowdown: 1 } as const;
const SLOW = { google: 'network', latencyMs: 150, downloadMbps: 1.6, uploadMbps: 0.75, cpuSlowdown: 4 } as const;
const handshakes = (rtts: number) => `, plus pay.js's new origin: TCP and TLS 1.3 handshakes (${rtts} RTT)`;

export const PROFILES: Profile[] = [
  { id: 'floor', label: 'CPU floor: pay.js pre-installed, no throttling', google: 'preinstalled', cpuSlowdown: 1 },
  { id: 'fast', label: 'pay.js stand-in over 20 ms / 10 Mbps', ...FAST },
  { id: 'slow', label: 'pay.js stand-in over 150 ms / 1.6 Mbps, 4× CPU slowdown', ...SLOW },
  { id: 'fast-handshake', label: `pay.js stand-in over 20 ms / 10 Mbps${handshakes(2)}`, ...FAST, newOriginRtts: 2 },
  { id: 'slow-handshake', label: `pay.js stand-in over 150 ms / 1.6 Mbps, 4× CPU slowdown${handshakes(2)}`, ...SLOW, newOriginRtts: 2 },
];

/** How long the stand-in's server holds a new connection in this profile. */
export const handshakeDelayMs = (profile: Profile): number => (profile.newOriginRtts ?? 0) * (profile.latencyMs ?? 0);

/** Chromium's own throttling of the page, through CDP: the profile's CPU slowdown and network. */
export async function emulateProfile(cdp: CDPSession, profile: Profile): Promise<void> {
  if (profile.cpuSlowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  if (profile.latencyMs !== undefined) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: ((profile.downloadMbps ?? 0) * 1e6) / 8,
      uploadThroughput: ((profile.uploadMbps ?? 0) * 1e6) / 8,
    });
  }
}

/** The ids `--profiles` accepts. */
export const PROFILE_IDS = PROFILES.map((p) => p.id);
