import { timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the web host. It listens on loopback only, but any web page in any browser on this PC could send
 * requests to a loopback port, so every call also needs the per-run token, and the Host and Origin headers must name
 * this host (DNS rebinding and cross-site requests are refused).
 */
export interface GuardConfig {
  port: number;
  token: string;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(hostHeader: string | undefined, config: GuardConfig): GuardVerdict {
  return hostHeader && allowedHosts(config.port).includes(hostHeader.toLowerCase())
    ? { ok: true }
    : { ok: false, status: 403, reason: 'host' };
}

export function checkOrigin(originHeader: string | undefined, config: GuardConfig): GuardVerdict {
  if (originHeader === undefined) return { ok: true }; // same-origin GETs and non-browser clients send none
  return allowedHosts(config.port).some((h) => originHeader.toLowerCase() === `http://${h}`)
    ? { ok: true }
    : { ok: false, status: 403, reason: 'origin' };
}

export function checkToken(presented: string | null | undefined, config: GuardConfig): GuardVerdict {
  if (!presented) return { ok: false, status: 401, reason: 'token' };
  const a = Buffer.from(presented);
  const b = Buffer.from(config.token);
  return a.length === b.length && timingSafeEqual(a, b) ? { ok: true } : { ok: false, status: 401, reason: 'token' };
}

/** All three checks, in order; the first refusal wins. */
export function guardRequest(
  headers: { host?: string; origin?: string },
  token: string | null | undefined,
  config: GuardConfig,
): GuardVerdict {
  for (const verdict of [checkHost(headers.host, config), checkOrigin(headers.origin, config), checkToken(token, config)]) {
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}
