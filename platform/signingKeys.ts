import crypto from 'node:crypto';

/**
 * Lawyers' Ed25519 private keys are kept sealed (AES-256-GCM) under a server secret, so a copy of the
 * database alone cannot forge a sign-off. The public key is stored in clear for anyone to verify.
 */
function keyFrom(secret: string): Buffer {
  return crypto.createHash('sha256').update(`legality-review signing keys\u0000${secret}`).digest();
}

export function generateSigningKey(secret: string): { publicKeyPem: string; sealed: string } {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sealed: ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.'),
  };
}

export function unsealSigningKey(sealed: string, secret: string): crypto.KeyObject {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed key format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const pem = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  return crypto.createPrivateKey(pem);
}

export function signPayload(payload: string, key: crypto.KeyObject): string {
  return crypto.sign(null, Buffer.from(payload, 'utf8'), key).toString('base64');
}
