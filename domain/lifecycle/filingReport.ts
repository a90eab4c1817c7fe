/**
 * The 备案报告 (filing report) of a normative document to the district: what is filed, when it was
 * published and takes effect, the reviews it passed, and the attachments in the package. Pure HTML.
 */
import { escapeHtml, PRINT_STYLE } from '../documents/printStyle';

export interface FilingReportInput {
  number: string;
  title: string;
  draftingUnit: string;
  signedAt: string;
  signedBy: string;
  publishedAt: string | null;
  publicationChannel: string | null;
  effectiveAt: string | null;
  expiresAt: string | null;
  /** Why it takes effect sooner than the usual delay after publication, or before it (立法法第104条). */
  earlyEffectReason?: string | null;
  retroactiveReason?: string | null;
  legalityOutcome: string | null;
  fcrConclusion: string | null;
  /** When the filing is due (the filing clock, from publication). */
  filingDueAt: string | null;
  filing: { authority: string; receipt: string; at: string } | null;
  attachments: string[];
}

const day = (iso: string | null): string => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10) : '—');

export function filingReportHtml(r: FilingReportInput): string {
  const rows: Array<[string, string]> = [
    ['文件名称', r.title],
    ['文号', r.number],
    ['起草（承办）单位', r.draftingUnit],
    ['签发', `${r.signedBy}，${day(r.signedAt)}`],
    ['公布', r.publishedAt ? `${day(r.publishedAt)}，${r.publicationChannel ?? ''}` : '未公布'],
    ['施行日期', day(r.effectiveAt)],
    ...(r.earlyEffectReason ? [['提前施行的理由', r.earlyEffectReason] as [string, string]] : []),
    ...(r.retroactiveReason ? [['溯及既往的理由（立法法第104条）', r.retroactiveReason] as [string, string]] : []),
    ['有效期至', day(r.expiresAt)],
    ['合法性审核意见', r.legalityOutcome ?? '—'],
    ['公平竞争审查结论', r.fcrConclusion ?? '不涉及（未列入公平竞争审查）'],
    ['报送备案期限', r.filingDueAt ? `${day(r.filingDueAt)}前` : '—'],
    ['备案登记', r.filing ? `${r.filing.authority}，${day(r.filing.at)}，回执号 ${r.filing.receipt}` : '尚未登记'],
  ];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>备案报告 ${escapeHtml(r.number)}</title><style>${PRINT_STYLE}</style></head><body>` +
    `<h1>关于报送《${escapeHtml(r.title)}》备案的报告</h1><p class="sub">${escapeHtml(r.number)}</p>` +
    `<p>根据行政规范性文件备案审查的规定，现将《${escapeHtml(r.title)}》（${escapeHtml(r.number)}）报请备案，有关情况如下：</p>` +
    `<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` +
    `<h2>附件</h2><ol>${r.attachments.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ol>` +
    '</body></html>';
}
