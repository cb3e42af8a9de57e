/**
 * The check every transport runs before a call reaches the backend: the method must be in the contract and the
 * args must pass its schema. Electron's IPC gate and the WebSocket bridge both use it, so they refuse alike.
 */
import { apiMethods, isMethodName, type MethodName } from './api';
import { describeZodError, fail, type Envelope } from './envelope';

export type GateResult = { ok: true; method: MethodName; args: unknown } | { ok: false; refusal: Envelope<never> };

export function checkCall(method: unknown, args: unknown): GateResult {
  if (!isMethodName(method)) {
    return { ok: false, refusal: fail('UNKNOWN_METHOD', `Unknown method: ${String(method).slice(0, 64)}`) };
  }
  const parsed = apiMethods[method].args.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, refusal: fail('BAD_ARGS', describeZodError(parsed.error)) };
  return { ok: true, method, args: parsed.data };
}
