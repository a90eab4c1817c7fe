// @ts-check
/** The version an opinion or conclusion binds to: the current version's SHA-256, prefilled. */
import { field } from './forms.js';

/**
 * Opinions and conclusions bind to the exact text reviewed; a new version voids them.
 * @param {{ matter: import('../types/api').MatterView }} ctx
 * @param {string} [path]
 */
export function hashField(ctx, path = 'command.versionHash') {
  const v = ctx.matter.currentVersion;
  return field({
    label: '所针对的文本版本（SHA-256）', path, type: 'hash', required: true, value: v.sha256 ?? '', wide: true,
    help: `已预填当前第 ${v.number} 版的摘要。意见只对这一文本有效，文本一旦修改即失效。`,
  });
}
