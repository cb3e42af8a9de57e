/** Login challenges and bearer sessions. Only a hash of each token is stored. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { challenges, sessions } from '../db/schema';
import type { Queryable } from '../db/connect';
import type { VerifiedSigner } from './cms-verifier';

export const CHALLENGE_TTL_SECONDS = 300;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function issueChallenge(db: Queryable, now: Date): Promise<{ nonce: string; expiresAt: string }> {
  const nonce = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
  await db.delete(challenges).where(lt(challenges.expiresAt, now.toISOString()));
  await db.insert(challenges).values({ nonce, expiresAt });
  return { nonce, expiresAt };
}

/** Uses up a challenge: true when it existed and had not expired. A nonce works once. */
export async function consumeChallenge(db: Queryable, nonce: string, now: Date): Promise<boolean> {
  const deleted = await db.delete(challenges).where(eq(challenges.nonce, nonce)).returning();
  const row = deleted[0];
  return !!row && new Date(row.expiresAt).getTime() > now.getTime();
}

/** A session for the verified login signer; the certificate and its revocation check are kept with it. */
export async function issueSession(db: Queryable, signer: Pick<VerifiedSigner, 'iin' | 'certSerial' | 'revocation'>, now: Date, ttlSeconds: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
  await db.insert(sessions).values({
    tokenHash: hashToken(token), userIin: signer.iin, expiresAt, certSerial: signer.certSerial, revocation: signer.revocation,
  });
  return { token, expiresAt };
}

/** Ends a session: its token is refused from now on. */
export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function sessionUserIin(db: Queryable, token: string, now: Date): Promise<string | null> {
  const rows = await db
    .select({ userIin: sessions.userIin })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now.toISOString())));
  return rows[0]?.userIin ?? null;
}
