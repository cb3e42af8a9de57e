/**
 * The signed-in session: login over the server's nonce, logout, the token, the guard against switching users while
 * the previous user's decisions are unsent, and the audit rows of both. It knows sync only through `SessionSync`,
 * so it does not care where sync runs (this thread or a worker of its own).
 */
import type Database from 'better-sqlite3';
import type { SessionUser } from '../../../domain/sync-protocol';
import { textError } from '../../../domain/text/text-error';
import { text } from '../../../domain/text/text-ref';
import { isRevocationRefusalCode } from '../../../domain/revocation-texts';
import { SyncHttpError, type SyncHttp } from '../sync/sync-http';
import type { SyncStateStore } from '../sync/sync-state';

/** What the session needs from sync. */
export interface SessionSync {
  /** Decisions in the outbox not yet accepted by the server (pending or needing attention). */
  unsentDecisions(): number;
  /** A user signed in: connect the poke socket, sync now. */
  sessionStarted(): void;
  /** The user signed out: close the poke socket, send nothing more. */
  sessionEnded(): void;
}

export interface SessionServiceOptions {
  sqlite: Database.Database;
  state: SyncStateStore;
  http: Pick<SyncHttp, 'challenge' | 'login' | 'logout'>;
  sync: SessionSync;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export class SessionService {
  constructor(private readonly options: SessionServiceOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  user(): SessionUser | null {
    return this.options.state.read().user;
  }

  token(): string | null {
    return this.options.state.read().token;
  }

  private audit(action: 'session.login' | 'session.logout', actorIin: string, details: Record<string, unknown> | null): void {
    this.options.sqlite
      .prepare('INSERT INTO audit_log (at, actor_iin, action, subject, details) VALUES (?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), actorIin, action, null, details === null ? null : JSON.stringify(details));
  }

  /** Logs in with a CMS over the server's nonce (NCALayer signs it); keeps the token in the encrypted DB. */
  async login(signNonce: (nonce: string) => Promise<string>): Promise<SessionUser> {
    const { http, state, sync } = this.options;
    const { nonce } = await http.challenge();
    const cms = await signNonce(nonce);
    const session = await http.login(nonce, cms).catch((error: unknown) => {
      // A revoked certificate or an unknown revocation status is told in the user's language.
      if (error instanceof SyncHttpError && isRevocationRefusalCode(error.code)) throw textError(text(error.code));
      throw error;
    });
    // Decisions still queued were signed by the previous user: another user's session could not send them, and a
    // re-bootstrap for the new scope must not strand them. Refuse until they are sent or discarded.
    const previous = state.read().user;
    const count = sync.unsentDecisions();
    if (previous && previous.iin !== session.user.iin && count > 0) {
      throw textError(text('OUTBOX_NOT_EMPTY', { count, user: previous.fullName }), { details: { count } });
    }
    state.saveSession(session.token, session.expiresAt, session.user);
    this.audit('session.login', session.user.iin, null);
    sync.sessionStarted();
    return session.user;
  }

  /**
   * Ends the session here and at the server: the token is revoked there (best effort: offline, it simply expires),
   * forgotten here, the poke socket closed, and the logout audited. Queued decisions stay for the next login.
   */
  async logout(): Promise<{ revokedAtServer: boolean }> {
    const { http, state, sync } = this.options;
    const { token, user } = state.read();
    let revokedAtServer = false;
    if (token) {
      try {
        await http.logout();
        revokedAtServer = true;
      } catch (error) {
        this.options.log?.('warn', 'the server did not confirm the logout; the token expires on its own', { message: error instanceof Error ? error.message : String(error) });
      }
    }
    state.clearToken();
    sync.sessionEnded();
    if (user) this.audit('session.logout', user.iin, { revokedAtServer });
    return { revokedAtServer };
  }
}
