/** POST /v1/dev/ocsp: the demo OCSP responder (ocsp-responder.ts) over HTTP, as RFC 6960 Appendix A.1 describes. */
import type { FastifyInstance } from 'fastify';
import type { DemoOcspResponder } from './ocsp-responder';

export const DEMO_OCSP_PATH = '/v1/dev/ocsp';

export function registerDemoOcspRoute(app: FastifyInstance, respond: DemoOcspResponder, now: () => Date): void {
  // Encapsulated so that the raw OCSP body parser applies to this route only.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/ocsp-request', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(DEMO_OCSP_PATH, async (request, reply) => {
      const body = request.body instanceof Buffer ? new Uint8Array(request.body) : new Uint8Array();
      return reply.type('application/ocsp-response').send(Buffer.from(await respond(body, now())));
    });
  });
}
