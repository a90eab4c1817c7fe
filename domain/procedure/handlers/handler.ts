/** The shape of a command handler: it mutates a private clone of the state or returns a refusal. */

import type { Command, CommandType, DecisionContext, MatterState, Refusal, Role } from '../types';

export interface HandlerContext extends DecisionContext {
  /** The role under which authorize() let the actor act. */
  role: Role;
}

export type HandlerResult = Refusal | { ok: true; summary: string };

export type Handler<T extends CommandType> = (
  state: MatterState,
  command: Extract<Command, { type: T }>,
  ctx: HandlerContext,
) => HandlerResult;

export const done = (summary: string): HandlerResult => ({ ok: true, summary });

export const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;
