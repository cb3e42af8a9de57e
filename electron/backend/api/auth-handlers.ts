import { mutationNames } from '../../../domain/mutations';
import { bytesToBase64 } from '../../../domain/pki/bytes';
import type { SessionUser } from '../../../domain/sync-protocol';
import type { Session } from '../../../domain/api/auth';
import type { BackendContext } from '../context';
import { mayDecide } from '../../../domain/signing-policy';
import type { NcaLayerClient } from '../ncalayer/client';
import { NcaLayerError } from '../ncalayer/errors';
import { signAndVerify } from '../ncalayer/sign-and-verify';
import type { Handlers } from './dispatch';

type AuthHandlers = Pick<Handlers, 'auth.session' | 'auth.login' | 'auth.logout' | 'ncalayer.status'>;

export function sessionOf(user: SessionUser | null): Session {
  return { user, allowed: mutationNames.filter((name) => mayDecide(user, name)) };
}

export function authHandlers(ctx: BackendContext, ncalayer: () => NcaLayerClient): AuthHandlers {
  const session = ctx.sync.session;
  const publish = (session: Session) => {
    ctx.events.emit('auth.session', session);
    return session;
  };
  return {
    'auth.session': () => sessionOf(session.token() ? session.user() : null),
    'auth.login': async () => {
      const user = await session.login(async (nonce) => {
        // Before login we do not know whose key it is; the server ties the IIN to a staff member. Locally we
        // still insist on a valid chain and an authentication key.
        const signed = await signAndVerify(ncalayer(), {
          documents: [new TextEncoder().encode(nonce)],
          detached: false,
          expect: { usage: 'auth' },
          trustedRoots: ctx.config.trustedRootsPem,
        });
        return bytesToBase64(signed.signatures[0] as Uint8Array);
      });
      ctx.log.info('signed in', { iin: user.iin });
      return publish(sessionOf(user));
    },
    'auth.logout': async () => {
      const user = session.user();
      const { revokedAtServer } = await session.logout();
      ctx.log.info('signed out', { iin: user?.iin ?? null, revokedAtServer });
      return publish(sessionOf(null));
    },
    'ncalayer.status': async () => {
      try {
        return { running: true as const, version: await ncalayer().version() };
      } catch (error) {
        if (error instanceof NcaLayerError) return { running: false as const, failure: error.toFailure() };
        throw error;
      }
    },
  };
}
