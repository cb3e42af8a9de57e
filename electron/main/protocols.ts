/**
 * Registers our schemes (before `ready`) and installs their handlers on a session: app:// serves the renderer,
 * doc:// serves documents, and file:// is refused outright (we never load from the file system).
 */
import { createAppProtocolHandler } from './app-protocol';
import { createDocProtocolHandler, type DocumentReader } from './doc-protocol';
import { APP_SCHEME, DOC_SCHEME } from './origin';

type Handler = (request: Request) => Response | Promise<Response>;

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean } }>,
  ): void;
}

export interface ProtocolLike {
  handle(scheme: string, handler: Handler): void;
}

/** Must run before the app is ready. Neither scheme may bypass CSP, and neither gets service workers or streaming. */
export function registerPrivilegedSchemes(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: DOC_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

export function installProtocols(protocol: ProtocolLike, options: { rendererRoot: string; readDocument: DocumentReader }): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererRoot));
  protocol.handle(DOC_SCHEME, createDocProtocolHandler(options.readDocument));
  protocol.handle('file', () => new Response(null, { status: 403 }));
}
