/** Passwords (argon2id) and the TOTP second factor (RFC 6238, 30 s, 6 digits). */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';

// OWASP's recommended minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
// Algorithm.Argon2id is an ambient const enum (value 2), which isolated modules cannot read.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check, so timing does not reveal whether the account exists.
    await hash(password, ARGON2);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random password of 20 characters without look-alikes, for new and demo accounts. */
export function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export function totpUri(secret: string, account: string): string {
  return new TOTP({ issuer: 'Samen Veilig', label: account, secret: Secret.fromBase32(secret) }).toString();
}

/**
 * The time step (30 s counter) of a valid code, or null. Accepts the current code and the one
 * before or after it (clock drift of up to 30 s). The caller accepts a step only once.
 */
export function totpStep(secret: string | null, code: string, now = Date.now()): number | null {
  if (!secret || !/^\d{6}$/.test(code)) return null;
  const delta = new TOTP({ secret: Secret.fromBase32(secret) }).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}
