/**
 * The one place where a renderer call enters the backend: the method must be in the contract, the args must pass
 * its zod schema, the handler's result is checked against the contract too, and every outcome is an envelope.
 */
import type { z } from 'zod';
import { apiMethods, isMethodName, type MethodName, type MethodResult } from '../../../domain/api';
import { AppError, describeZodError, fail, ok, type Envelope } from '../../../domain/envelope';
import type { Logger } from '../logger';
import { NcaLayerError } from '../ncalayer/errors';

export type Handler<M extends MethodName> = (args: z.output<(typeof apiMethods)[M]['args']>) => Promise<MethodResult<M>> | MethodResult<M>;
export type Handlers = { [M in MethodName]: Handler<M> };

export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function dispatch(method: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `Unknown method: ${String(method).slice(0, 64)}`);
    const spec = apiMethods[method];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return fail('BAD_ARGS', describeZodError(parsed.error));
    try {
      const handler = handlers[method] as (args: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        log.error('handler returned a result outside the contract', { method, problem: describeZodError(checked.error) });
        return fail('INTERNAL', 'The backend produced an invalid answer.');
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      // NCALayer failures carry their kind so the renderer shows the kk/ru/en guidance (cancel is quiet).
      if (error instanceof NcaLayerError) return fail('NCALAYER', error.message, { ncalayer: error.toFailure() });
      log.error('handler failed', { method, error: error instanceof Error ? error.stack : String(error) });
      return fail('INTERNAL', error instanceof Error ? error.message : 'Internal error');
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
