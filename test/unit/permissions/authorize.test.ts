import { authorize, canRead, contractActive, PERMISSIONS, type MatterAccess } from '../../../domain/permissions';
import { COMMAND_TYPES, type Actor } from '../../../domain/procedure';

const now = '2025-06-01T09:00:00+08:00';
const matter: MatterAccess = { createdBy: 'd1', draftingUnit: 'sec-market', assignedLawyerId: 'law1', fcrReviewerId: 'fcr1', legalUnitActorIds: ['lu1'] };

const actor = (userId: string, roles: Actor['roles'], sectionId: string | null = null, extra: Partial<Actor> = {}): Actor => ({ userId, username: userId, roles, sectionId, ...extra });
const drafter = actor('d2', ['drafter'], 'sec-market');
const otherDrafter = actor('d9', ['drafter'], 'sec-other');
const legal = actor('lu2', ['legal_unit'], 'sec-legal');
const lawyer = actor('law1', ['lawyer'], null, { lawyerContract: { from: '2025-01-01', to: '2025-12-31' } });
const otherLawyer = actor('law2', ['lawyer'], null, { lawyerContract: { from: '2025-01-01', to: '2025-12-31' } });
const fcr = actor('fcr1', ['fcr_reviewer'], 'sec-market');
const secretary = actor('sec1', ['secretary'], 'sec-office');
const auditor = actor('aud1', ['auditor']);
const admin = actor('adm1', ['admin']);
const member = actor('m1', ['meeting_member']);

describe('the table', () => {
  it('covers every command and the read/admin actions', () => {
    for (const t of COMMAND_TYPES) expect(PERMISSIONS[t]).toBeDefined();
    for (const a of ['read_matter', 'read_trail', 'verify_signature', 'manage_users', 'manage_calendar', 'register_matter'] as const) expect(PERMISSIONS[a]).toBeDefined();
  });
  it('no role but admin manages users and calendars; admin is in no other rule but reading the record of those changes', () => {
    expect(PERMISSIONS.manage_users.roles).toEqual(['admin']);
    expect(PERMISSIONS.manage_calendar.roles).toEqual(['admin']);
    const withAdmin = Object.entries(PERMISSIONS).filter(([, r]) => r.roles.includes('admin')).map(([k]) => k).sort();
    expect(withAdmin).toEqual(['manage_calendar', 'manage_users', 'read_admin_events']);
  });
  it('auditors appear only in read-only rules', () => {
    const withAuditor = Object.entries(PERMISSIONS).filter(([, r]) => r.roles.includes('auditor'));
    expect(withAuditor.map(([k]) => k).sort()).toEqual(['download_filing_package', 'read_admin_events', 'read_draft_catalogue', 'read_matter', 'read_register', 'read_statistics', 'read_trail', 'verify_signature']);
    expect(withAuditor.every(([, r]) => r.readOnly)).toBe(true);
  });
  it('unknown actions are denied', () => {
    expect(authorize(admin, 'drop_database')).toMatchObject({ allowed: false });
  });
});

describe('reading', () => {
  it('drafters read their own section only', () => {
    expect(canRead(drafter, matter)).toBe(true);
    expect(canRead(otherDrafter, matter)).toBe(false);
    expect(canRead(actor('d0', ['drafter'], null), matter)).toBe(false);
  });
  it('lawyers read what is assigned to them only; FCR reviewers likewise', () => {
    expect(canRead(lawyer, matter)).toBe(true);
    expect(canRead(otherLawyer, matter)).toBe(false);
    expect(canRead(fcr, matter)).toBe(true);
    expect(canRead(actor('fcr2', ['fcr_reviewer']), matter)).toBe(false);
  });
  it('auditors, legal unit, secretary and meeting members read everything; admins nothing', () => {
    for (const a of [auditor, legal, secretary, member]) expect(canRead(a, matter)).toBe(true);
    const r = authorize(admin, 'read_matter', matter);
    expect(r.allowed).toBe(false);
  });
  it('the trail and signatures: auditors yes, meeting members not the trail', () => {
    expect(authorize(auditor, 'read_trail', matter).allowed).toBe(true);
    expect(authorize(auditor, 'verify_signature', matter).allowed).toBe(true);
    expect(authorize(member, 'read_trail', matter).allowed).toBe(false);
  });
});

describe('acting', () => {
  it('auditors change nothing', () => {
    for (const t of COMMAND_TYPES) expect(authorize(auditor, t, matter, now).allowed).toBe(false);
  });
  it('admins cannot act on a review but manage people and calendars', () => {
    for (const t of COMMAND_TYPES) expect(authorize(admin, t, matter, now).allowed).toBe(false);
    expect(authorize(admin, 'manage_users')).toEqual({ allowed: true, role: 'admin' });
    expect(authorize(admin, 'manage_calendar')).toEqual({ allowed: true, role: 'admin' });
    expect(authorize(legal, 'manage_calendar').allowed).toBe(false);
  });
  it('drafters act on their own section', () => {
    expect(authorize(drafter, 'submit_version', matter)).toEqual({ allowed: true, role: 'drafter' });
    const r = authorize(otherDrafter, 'submit_version', matter);
    expect(r.allowed).toBe(false);
    if (!r.allowed) expect(r.reason).toContain('本科室');
  });
  it('without a matter, answers whether the role may ever do it', () => {
    expect(authorize(drafter, 'register_matter').allowed).toBe(true);
    expect(authorize(legal, 'register_matter').allowed).toBe(false);
  });
  it('a person with several roles is allowed through any role that fits', () => {
    const both = actor('x1', ['drafter', 'secretary'], 'sec-other');
    expect(authorize(both, 'schedule_meeting', matter)).toEqual({ allowed: true, role: 'secretary' });
    const r = authorize(both, 'submit_version', matter);
    expect(r.allowed).toBe(false);
  });
});

describe('separation of duties', () => {
  it('nobody reviews or signs off a matter they drafted', () => {
    const own: MatterAccess = { ...matter, createdBy: 'lu2' };
    const r = authorize(legal, 'record_legality_conclusion', own, now);
    expect(r.allowed).toBe(false);
    if (!r.allowed) expect(r.reason).toContain('drafted');
    // Non-review actions on it stay possible (e.g. filing).
    expect(authorize(legal, 'file_record', own, now).allowed).toBe(true);
    const ownLawyer: MatterAccess = { ...matter, createdBy: 'law1' };
    expect(authorize(lawyer, 'submit_lawyer_opinion', ownLawyer, now).allowed).toBe(false);
  });
  it('the legal unit cannot also be the lawyer on it, either way round', () => {
    const dual = actor('lu1', ['legal_unit', 'lawyer'], 'sec-legal', { lawyerContract: { from: '2025-01-01', to: '2025-12-31' } });
    const assignedToDual: MatterAccess = { ...matter, assignedLawyerId: 'lu1' };
    expect(authorize(dual, 'submit_lawyer_opinion', assignedToDual, now).allowed).toBe(false); // acted as legal unit
    expect(authorize(dual, 'accept_materials', assignedToDual, now).allowed).toBe(false); // is the lawyer
    const fresh: MatterAccess = { ...assignedToDual, legalUnitActorIds: [] };
    expect(authorize(dual, 'submit_lawyer_opinion', fresh, now)).toEqual({ allowed: true, role: 'lawyer' });
  });
});

describe('lawyer contract', () => {
  it('signing needs now within the contract period (inclusive dates, Beijing days)', () => {
    expect(authorize(lawyer, 'submit_lawyer_opinion', matter, now).allowed).toBe(true);
    expect(authorize(lawyer, 'submit_lawyer_opinion', matter, '2026-01-01T09:00:00+08:00').allowed).toBe(false);
    expect(authorize(lawyer, 'submit_lawyer_opinion', matter, '2025-12-31T23:59:00+08:00').allowed).toBe(true);
    // 2025-12-31T16:30Z is already 1 January in Beijing.
    expect(authorize(lawyer, 'submit_lawyer_opinion', matter, '2025-12-31T16:30:00Z').allowed).toBe(false);
    expect(authorize(lawyer, 'submit_lawyer_opinion', matter).allowed).toBe(false); // no time given
    // Reading does not need an active contract.
    expect(authorize(lawyer, 'read_matter', matter, '2027-01-01T09:00:00+08:00').allowed).toBe(true);
  });
  it('contractActive handles missing contracts and instant bounds', () => {
    expect(contractActive(null, now)).toBe(false);
    expect(contractActive(undefined, now)).toBe(false);
    expect(contractActive({ from: '2025-06-01T10:00:00+08:00', to: '2025-06-30' }, now)).toBe(false);
    expect(contractActive({ from: '2025-06-01T08:00:00+08:00', to: '2025-06-30' }, now)).toBe(true);
    expect(contractActive({ from: '2025-01-01', to: '2025-12-31' }, 'garbage')).toBe(false);
  });
});
