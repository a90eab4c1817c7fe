/**
 * The printable pages' only style block (dossier, opinion documents). The Content-Security-Policy allows
 * exactly this text by its hash (no 'unsafe-inline'), also when the web app opens a page from a blob: URL,
 * which inherits the app's policy.
 */
export const PRINT_STYLE = 'body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun","WenQuanYi Micro Hei",serif;margin:2em auto;max-width:60em;color:#111;line-height:1.6}h1{text-align:center;font-size:1.6em;margin-bottom:.2em}.sub{text-align:center;color:#444;margin-top:0}h2{font-size:1.15em;border-bottom:2px solid #333;padding-bottom:.2em;margin-top:1.6em}h3{font-size:1em}table{border-collapse:collapse;width:100%;font-size:.88em;margin:.4em 0}td,th{border:1px solid #999;padding:.3em .4em;vertical-align:top;text-align:left}th{background:#f2f2f2;white-space:nowrap}code{font-size:.78em;word-break:break-all}.ok{color:#1b6e3a}.bad{color:#a3161a;font-weight:700}.pre{white-space:pre-wrap}.muted{color:#555}@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}';

/** Text for HTML: the five characters that could open markup or leave an attribute are escaped. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
