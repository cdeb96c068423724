import { createHash, randomBytes } from 'node:crypto';

/** Namespace of the name-based user ids; changing it would change every id. */
const USER_ID_NAMESPACE = '8b5f0f2e-4c1d-4e7a-9a43-6d2f1c0b7e15';

/**
 * Derives the user id from the normalized email as a name-based UUID
 * (version 5, RFC 9562). The same email always gives the same id, so a single
 * conditional write on the key enforces one account per email without a
 * read of an eventually consistent index first.
 */
export function userIdForEmail(normalizedEmail: string): string {
  const namespace = Buffer.from(USER_ID_NAMESPACE.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1')
    .update(namespace)
    .update(normalizedEmail, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');

  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

export {
  CERTIFICATE_ID_PATTERN,
  USER_ID_PATTERN,
  normalizeCertificateId,
} from './text-rules.js';

// Crockford's base32: no I, L, O or U, so a code read aloud or typed is unambiguous.
const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';


/**
 * Creates a certificate id: 80 random bits in four groups of Crockford base32.
 * The id is random, not derived from the user and course, so that knowing a
 * learner's email is not enough to compute the address of their certificate.
 */
export function newCertificateId(): string {
  let bits = 0n;
  for (const byte of randomBytes(10)) {
    bits = (bits << 8n) | BigInt(byte);
  }

  let code = '';
  for (let i = 15; i >= 0; i -= 1) {
    code += CROCKFORD_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  }

  return `ACR-${code.match(/.{4}/g)!.join('-')}`;
}

/**
 * Returns the key of the item that claims one user and course, so that a
 * conditional write on it admits one certificate per pair. Course ids are
 * compared without regard to case.
 */
export function issuanceClaimKey(userId: string, courseId: string): string {
  const digest = createHash('sha256')
    .update(`${userId}\n${courseId.toLowerCase()}`, 'utf8')
    .digest('hex');

  return `issuance#${digest}`;
}
