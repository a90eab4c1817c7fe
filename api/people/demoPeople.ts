import type { PrismaClient } from '../../prisma/generated/client';
import type { Role } from '../../domain/procedure';
import { hashPassword } from '../auth/passwords';
import { generateSigningKey } from '../../platform/signingKeys';

export const BUREAU_ID = 'bureau';
export const LAW_FIRM_ID = 'law-firm';

/** The bureau's sections as the demo knows them (a district culture-and-tourism bureau). */
export const DEMO_SECTIONS = [
  { id: 'market', name: '文化市场科' },
  { id: 'tourism', name: '旅游发展科' },
  { id: 'legal', name: '法制科' },
  { id: 'office', name: '办公室' },
  { id: 'leadership', name: '局领导' },
] as const;

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[]; sectionId: string | null; lawFirm?: boolean; legalQualification?: boolean }> = [
  { username: 'drafter', displayName: '张承办（文化市场科）', roles: ['drafter'], sectionId: 'market' },
  { username: 'legal', displayName: '李法制（法制科）', roles: ['legal_unit'], sectionId: 'legal', legalQualification: true },
  { username: 'lawyer', displayName: '王律师（常年法律顾问）', roles: ['lawyer'], sectionId: null, lawFirm: true },
  { username: 'fcr', displayName: '赵审查（公平竞争审查）', roles: ['fcr_reviewer'], sectionId: 'legal' },
  { username: 'secretary', displayName: '陈秘书（办公室）', roles: ['secretary'], sectionId: 'office' },
  { username: 'member1', displayName: '局长（主持人）', roles: ['meeting_member'], sectionId: 'leadership' },
  { username: 'member2', displayName: '副局长甲', roles: ['meeting_member'], sectionId: 'leadership' },
  { username: 'member3', displayName: '副局长乙', roles: ['meeting_member'], sectionId: 'leadership' },
  { username: 'auditor', displayName: '审计监督', roles: ['auditor'], sectionId: null },
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], sectionId: null },
];

export const DEMO_PASSWORD = 'demo';

/** Creates the organisations, sections and people that every installation needs (idempotent). */
export async function ensureOrganisations(prisma: PrismaClient, lawFirmContract: { from: string; to: string } | null): Promise<void> {
  await prisma.organisation.upsert({ where: { id: BUREAU_ID }, create: { id: BUREAU_ID, name: '区文化和旅游局', kind: 'bureau' }, update: {} });
  await prisma.organisation.upsert({
    where: { id: LAW_FIRM_ID },
    create: { id: LAW_FIRM_ID, name: '常年法律顾问律师事务所', kind: 'law_firm', contractFrom: lawFirmContract?.from ?? null, contractTo: lawFirmContract?.to ?? null },
    update: {},
  });
  for (const s of DEMO_SECTIONS) {
    await prisma.section.upsert({ where: { id: s.id }, create: { id: s.id, organisationId: BUREAU_ID, name: s.name }, update: {} });
  }
}

/**
 * Demo people with password "demo" — only ever on the embedded default (the caller checks), flagged
 * `demo` so a production login refuses them even if a database was copied over.
 */
export async function seedDemoPeople(prisma: PrismaClient, signingSecret: string, today: string): Promise<number> {
  const year = Number(today.slice(0, 4));
  await ensureOrganisations(prisma, { from: `${year - 1}-01-01`, to: `${year + 2}-12-31` });
  let created = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const existing = await prisma.user.findUnique({ where: { username: u.username } });
    if (existing) {
      // Demo databases made before the attribute existed: the demo legal unit holds the qualification.
      if (existing.demo && u.legalQualification && !existing.legalQualification) await prisma.user.update({ where: { id: existing.id }, data: { legalQualification: true } });
      continue;
    }
    const key = u.roles.includes('lawyer') ? generateSigningKey(signingSecret) : null;
    await prisma.user.create({
      data: {
        id: `user-${u.username}`,
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        roles: u.roles,
        organisationId: u.lawFirm ? LAW_FIRM_ID : BUREAU_ID,
        sectionId: u.sectionId,
        demo: true,
        legalQualification: u.legalQualification ?? false,
        signingPublicKey: key?.publicKeyPem ?? null,
        signingKeySealed: key?.sealed ?? null,
      },
    });
    created += 1;
  }
  await seedDemoRosters(prisma, `${year - 1}-01-01`);
  return created;
}

/** The demo's deciding bodies: member1 (the head / the secretary of the committee, who chairs) to member3 sit on both. */
export async function seedDemoRosters(prisma: PrismaClient, from: string): Promise<void> {
  const members = DEMO_USERS.filter((u) => u.roles.includes('meeting_member')).map((u) => `user-${u.username}`);
  for (const [id, name] of [['director_office_meeting', '局长办公会'], ['party_committee_meeting', '局党委会']] as const) {
    await prisma.meetingBody.upsert({ where: { id }, create: { id, kind: id, name }, update: {} });
    if ((await prisma.meetingBodyMember.count({ where: { bodyId: id } })) > 0) continue;
    // member1 chairs (局长 / 书记): a record naming anyone else as the deciding head is refused (713号令第30条).
    await prisma.meetingBodyMember.createMany({ data: members.map((userId) => ({ id: `${id}-${userId}`, bodyId: id, userId, from, to: null, chairs: userId === 'user-member1' })) });
  }
}
