// Who may call what. Writes (uploads, new runs, deletes) need `Authorization: Bearer <SOCAP_TOKEN>`;
// with no token configured they are allowed only from loopback clients. Reads are open, unless
// `requireTokenForReads` is set: then they need the token too (or, with no token configured, a
// loopback client). A token that is sent and wrong is refused on every route. Tokens are compared
// in constant time (SHA-256 digests of both, then timingSafeEqual, so lengths leak nothing either).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Access } from './route.js';
import { HttpError } from './http-error.js';

export interface AuthPolicy {
  token?: string;
  requireTokenForReads: boolean;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. Proxy headers are never trusted. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

function bearerOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : '';
}

/** Throws the 401/403 HttpError a request must get, or returns when it may proceed. */
export function authorize(policy: AuthPolicy, access: Access, req: Request): void {
  const given = bearerOf(req);
  const needsToken = access === 'write' || policy.requireTokenForReads;
  if (policy.token !== undefined) {
    if (given !== undefined) {
      if (given === '' || !tokensEqual(given, policy.token)) throw new HttpError(401, 'invalid token', [{ header: 'Authorization', expected: 'Bearer <SOCAP_TOKEN>' }]);
      return;
    }
    if (needsToken) throw new HttpError(401, `missing token: ${access === 'write' ? 'writes' : 'requests'} need Authorization: Bearer <SOCAP_TOKEN>`);
    return;
  }
  if (needsToken && !isLoopback(req.socket.remoteAddress)) {
    throw new HttpError(403, `no token is configured, so ${access === 'write' ? 'writes' : 'requests'} are allowed only from this machine (set SOCAP_TOKEN)`);
  }
}

/** The one line the server prints at start about its access rules. */
export function describePolicy(policy: AuthPolicy): string {
  if (policy.token !== undefined) {
    return policy.requireTokenForReads ? 'auth: every request needs the bearer token (SOCAP_TOKEN)' : 'auth: writes need the bearer token (SOCAP_TOKEN); reads are open';
  }
  return policy.requireTokenForReads
    ? 'auth: no SOCAP_TOKEN set: reads and writes are allowed only from loopback clients'
    : 'auth: no SOCAP_TOKEN set: writes are allowed only from loopback clients; reads are open';
}
