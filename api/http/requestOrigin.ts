import type { Request } from 'express';
import type { RequestOrigin } from '../../domain/evidence';

/** Longest user agent kept in the trail (headers can be long; the trail needs only enough to recognise it). */
const USER_AGENT_MAX = 500;

/** Where a request came from, as the trail records it (the client address as Express sees it behind a local proxy). */
export function requestOrigin(req: Request): RequestOrigin {
  return { ip: req.ip ?? req.socket.remoteAddress ?? null, userAgent: req.get('user-agent')?.slice(0, USER_AGENT_MAX) ?? null };
}
