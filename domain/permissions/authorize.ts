/**
 * authorize(): may this person do this action on this matter (at this time)? Pure, so the workflow's
 * Update validators, the API and the UI all get the same answer and the same reason.
 */

import { chinaDateOf, parseInstant } from '../calendar';
import type { Actor, Role } from '../procedure/types';
import { isAction, PERMISSIONS, type Action } from './table';

/** What authorize needs to know about a matter (see matterAccessOf in the procedure module). */
export interface MatterAccess {
  createdBy: string;
  draftingUnit: string;
  assignedLawyerId?: string | null;
  fcrReviewerId?: string | null;
  /** Everyone who has acted as legal unit on the matter. */
  legalUnitActorIds?: readonly string[];
  /** Everyone who submitted a version of the text: none of them may review it. */
  versionAuthorIds?: readonly string[];
}

export type Authorization = { allowed: true; role: Role } | { allowed: false; reason: string };

const deny = (zh: string, en: string): Authorization => ({ allowed: false, reason: `${zh} / ${en}` });

/** Whether `now` lies within the contract period (dates are whole Beijing days, inclusive). */
export function contractActive(contract: Actor['lawyerContract'], now: string | undefined): boolean {
  if (!contract || now === undefined) return false;
  let nowMs: number;
  try {
    nowMs = parseInstant(now);
  } catch {
    return false;
  }
  const today = chinaDateOf(nowMs);
  const onOrAfter = (bound: string): boolean =>
    /^\d{4}-\d{2}-\d{2}$/.test(bound) ? today >= bound : nowMs >= safeMs(bound, Infinity);
  const onOrBefore = (bound: string): boolean =>
    /^\d{4}-\d{2}-\d{2}$/.test(bound) ? today <= bound : nowMs <= safeMs(bound, -Infinity);
  return onOrAfter(contract.from) && onOrBefore(contract.to);
}

function safeMs(iso: string, fallback: number): number {
  try {
    return parseInstant(iso);
  } catch {
    return fallback;
  }
}

/** Why a role cannot reach this matter, or null when it can. */
function scopeProblem(role: Role, actor: Actor, matter: MatterAccess, readOnly: boolean): string | null {
  switch (role) {
    case 'drafter':
      return actor.sectionId !== null && actor.sectionId === matter.draftingUnit
        ? null
        : '承办人员只能查看和办理本科室的事项 / Drafters see and act on their own section’s matters only';
    case 'lawyer':
      return matter.assignedLawyerId && matter.assignedLawyerId === actor.userId
        ? null
        : '法律顾问只能查看和办理指派给本人的事项 / Lawyers see and act on matters assigned to them only';
    case 'fcr_reviewer':
      return matter.fcrReviewerId && matter.fcrReviewerId === actor.userId
        ? null
        : '公平竞争审查人员只能办理指派给本人的事项 / Fair-competition reviewers act on matters assigned to them only';
    case 'auditor':
      return readOnly ? null : '监督审计人员只能查阅，不能办理 / Auditors read everything and change nothing';
    case 'legal_unit':
    case 'secretary':
    case 'meeting_member':
      return null;
    case 'admin':
      return '系统管理员管理人员和日历，不能查阅或办理审查事项 / Admins manage people and calendars but cannot act on a review';
    default:
      return 'unknown role';
  }
}

/** Separation of duties for a role acting on a matter; null when fine. */
function dutyProblem(role: Role, actor: Actor, matter: MatterAccess, review: boolean): string | null {
  if (review && actor.userId === matter.createdBy) {
    return '起草人不得审核或签署本人起草的事项 / Nobody reviews or signs off a matter they drafted';
  }
  if (review && (matter.versionAuthorIds ?? []).includes(actor.userId)) {
    return '提交过本事项文本版本的人员不得审核或签署该事项 / Nobody reviews or signs off a text they submitted a version of';
  }
  if (role === 'legal_unit' && matter.assignedLawyerId && matter.assignedLawyerId === actor.userId) {
    return '本事项的法律顾问不得同时以法制机构身份办理 / The lawyer on this matter cannot also act as its legal unit';
  }
  if (role === 'lawyer' && (matter.legalUnitActorIds ?? []).includes(actor.userId)) {
    return '已以法制机构身份办理本事项的人员不得担任其法律顾问 / The legal unit on this matter cannot also be its lawyer';
  }
  return null;
}

/**
 * Without `matter`, answers whether any of the actor's roles may ever perform the action (e.g. to show
 * a menu). With it, applies scope and separation of duties; `now` is needed for a lawyer's signature.
 */
export function authorize(actor: Actor, action: Action | string, matter?: MatterAccess, now?: string, opts: { authorityBeforeWritten?: boolean } = {}): Authorization {
  if (!isAction(action)) return deny(`未知操作 ${action}`, `Unknown action ${action}`);
  const rule = PERMISSIONS[action];
  // An account that administers people may hold no role in a review as well: else an admin could grant
  // themselves the legal unit's or an auditor's role and act on (or audit) reviews they set up (patch
  // authority-as-written; the people API refuses such role sets).
  if (matter && !opts.authorityBeforeWritten && actor.roles.includes('admin')) {
    return deny('系统管理员账号不得同时办理或查阅审查事项', 'An administrator\'s account cannot act on or read a review, whatever other roles it holds');
  }
  const candidates = actor.roles.filter((r) => rule.roles.includes(r));
  if (candidates.length === 0) {
    return deny(
      `角色（${actor.roles.join('、') || '无'}）无权执行“${action}”`,
      `None of your roles (${actor.roles.join(', ') || 'none'}) may perform ${action}; allowed: ${rule.roles.join(', ')}`,
    );
  }
  if (!matter) return { allowed: true, role: candidates[0] as Role };

  const problems: string[] = [];
  for (const role of candidates) {
    const problem =
      scopeProblem(role, actor, matter, rule.readOnly) ??
      // Separation of duties governs what one does, not what one may read (lists apply the same rule).
      (rule.readOnly ? null : dutyProblem(role, actor, matter, rule.review)) ??
      (rule.signs && role === 'lawyer' && !contractActive(actor.lawyerContract, now)
        ? '法律顾问不在有效聘用合同期内，不能签署 / The lawyer has no active contract at this time and cannot sign'
        : null) ??
      // Answering the pre-screen's findings is part of the review the sign-off rests on: a lawyer out of contract
      // reads, and does nothing else (patch authority-as-written).
      (!rule.readOnly && !rule.signs && role === 'lawyer' && !opts.authorityBeforeWritten && !contractActive(actor.lawyerContract, now)
        ? '法律顾问不在有效聘用合同期内，不能办理 / The lawyer has no active contract at this time and cannot act on the review'
        : null);
    if (problem === null) return { allowed: true, role };
    problems.push(problem);
  }
  return { allowed: false, reason: problems.join('; ') };
}

export function canRead(actor: Actor, matter: MatterAccess): boolean {
  return authorize(actor, 'read_matter', matter).allowed;
}
