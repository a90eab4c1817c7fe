/**
 * What the drafting unit records about a contract before the review (合同要素), and what it records once
 * the contract is signed: zod schemas, the single source of the commands' shapes.
 */
import { z } from 'zod';
import { builtOnFirstUse, instant, line, prose } from '../procedure/primitives';

/** 政府采购法第26条 and 政府采购框架协议采购方式管理暂行办法; `not_required` needs the reason. */
export const PROCUREMENT_METHODS = [
  'public_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'single_source',
  'inquiry',
  'framework_agreement',
  'not_required',
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export const PROCUREMENT_METHOD_LABELS: Record<ProcurementMethod, string> = {
  public_tender: '公开招标',
  invited_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  single_source: '单一来源采购',
  inquiry: '询价',
  framework_agreement: '框架协议采购',
  not_required: '无需采购程序（说明理由）',
};

export const DISPUTE_METHODS = ['litigation', 'arbitration'] as const;
export const DISPUTE_METHOD_LABELS: Record<(typeof DISPUTE_METHODS)[number], string> = { litigation: '诉讼', arbitration: '仲裁' };

export const PARTY_ROLES = ['bureau', 'counterparty', 'third_party'] as const;
export const PARTY_ROLE_LABELS: Record<(typeof PARTY_ROLES)[number], string> = { bureau: '我方', counterparty: '合同相对方', third_party: '第三方' };

const yuan = builtOnFirstUse(() =>
  z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(1e13, 'must be at most 10,000,000,000,000'),
);

export const contractParticularsSchema = builtOnFirstUse(() =>
  z
    .object({
      /** 采购合同、服务合同、合作协议、租赁合同 … */
      contractType: line(100),
      parties: z
        .array(z.object({ name: line(200), role: z.enum(PARTY_ROLES), creditCode: line(50).optional(), representative: line(100).optional() }))
        .min(2)
        .max(20),
      /** Who signs for the bureau and under what authority (法定代表人 / 书面授权委托). */
      signingAuthority: z.object({ signatory: line(200), authority: prose(2000) }),
      legalBasis: prose(5000),
      procurement: z.object({ method: z.enum(PROCUREMENT_METHODS), reference: line(200).optional(), reason: prose(2000).optional() }),
      price: z.object({ amount: yuan(), paymentTerms: prose(5000) }),
      performance: prose(5000),
      liability: prose(5000),
      confidentiality: z.object({ required: z.boolean(), terms: prose(5000).optional() }),
      disputeResolution: z.object({ method: z.enum(DISPUTE_METHODS), forum: line(200) }),
      /** The intended term, if known before signing. */
      term: z.object({ from: instant, to: instant }).optional(),
      documentId: line(200).optional(),
    })
    .superRefine((p, ctx) => {
      if (!p.parties.some((x) => x.role === 'bureau')) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'must include the bureau (role bureau)' });
      if (!p.parties.some((x) => x.role === 'counterparty')) ctx.addIssue({ code: 'custom', path: ['parties'], message: 'must include a counterparty' });
      if (p.procurement.method === 'not_required' && !p.procurement.reason) ctx.addIssue({ code: 'custom', path: ['procurement', 'reason'], message: 'required when no procurement procedure applies' });
      if (p.procurement.method !== 'not_required' && !p.procurement.reference) ctx.addIssue({ code: 'custom', path: ['procurement', 'reference'], message: 'the procurement project number or notice is required' });
      if (p.confidentiality.required && !p.confidentiality.terms) ctx.addIssue({ code: 'custom', path: ['confidentiality', 'terms'], message: 'required when confidentiality applies' });
      if (p.term && Date.parse(p.term.to) <= Date.parse(p.term.from)) ctx.addIssue({ code: 'custom', path: ['term', 'to'], message: 'must be after term.from' });
    }),
);
export type ContractParticulars = z.infer<ReturnType<typeof contractParticularsSchema>>;

export const recordContractParticularsCommand = builtOnFirstUse(() =>
  z.object({ type: z.literal('record_contract_particulars'), particulars: contractParticularsSchema() }),
);

/** The signed contract: the reviewed text (by its hash), who signed, the counterparty, the value and the term. */
export const recordContractSigningCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('record_contract_signing'),
    versionHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
    contractNumber: line(200),
    signedAt: instant,
    signatory: line(200),
    counterparty: line(200),
    value: yuan(),
    termStart: instant,
    termEnd: instant,
    documentId: line(200).optional(),
  }),
);

export const CONTRACT_CLOSURE_OUTCOMES = ['performed', 'terminated', 'expired', 'renewed'] as const;
export const CONTRACT_CLOSURE_LABELS: Record<(typeof CONTRACT_CLOSURE_OUTCOMES)[number], string> = {
  performed: '履行完毕',
  terminated: '解除/终止',
  expired: '期满终止',
  renewed: '期满续签（另行审查）',
};

export const closeContractCommand = builtOnFirstUse(() =>
  z.object({
    type: z.literal('close_contract'),
    outcome: z.enum(CONTRACT_CLOSURE_OUTCOMES),
    note: prose(5000),
    /** renewed: the matter under which the renewal is reviewed */
    renewalMatterId: line(100).optional(),
  }),
);
