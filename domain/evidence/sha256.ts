import crypto from 'node:crypto';

/** SHA-256 of a text as lowercase hex: what versions, sign-offs and conclusions are bound to. */
export const sha256Hex = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
