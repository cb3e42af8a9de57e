// Classifies NCALayer reply frames by shape (reference/ncalayer.md §1.6) into results or NcaLayerErrors.
import { z } from 'zod';
import { NcaLayerError } from './errors';

const greetingSchema = z.object({ result: z.object({ version: z.string() }) });
const moduleNotFoundSchema = z.object({ success: z.literal(false), errorCode: z.literal('MODULE_NOT_FOUND') });
const basicsSchema = z.object({
  status: z.boolean(),
  body: z.object({
    result: z.union([z.string(), z.array(z.string()), z.object({ signatures: z.array(z.string()) })]).optional(),
  }).optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  details: z.string().optional(),
});
const commonUtilsSchema = z.object({ code: z.string(), message: z.string().optional(), responseObject: z.unknown().optional() });

export const HEARTBEAT = '--heartbeat--';

export function parseGreeting(frame: string): string | null {
  try {
    const parsed = greetingSchema.safeParse(JSON.parse(frame));
    return parsed.success ? parsed.data.result.version : null;
  } catch {
    return null;
  }
}

export type ModuleReply = { moduleMissing: true } | { moduleMissing: false; value: unknown };

function parseJson(frame: string): unknown {
  try {
    return JSON.parse(frame);
  } catch {
    throw new NcaLayerError('unexpected_reply', 'reply is not JSON');
  }
}

const BAD_REQUEST_CODES = new Set(['INVOCATION_ERROR', 'GENERAL_ERROR', 'INVALID_SIGNING_PARAMS']);

/** basics `sign` reply → list of signatures (string or array form), or an error. */
export function readBasicsReply(frame: string): ModuleReply {
  const json = parseJson(frame);
  if (moduleNotFoundSchema.safeParse(json).success) return { moduleMissing: true };
  const reply = basicsSchema.safeParse(json);
  if (!reply.success) throw new NcaLayerError('unexpected_reply', 'not a basics reply');
  const { status, body, code, message, details } = reply.data;
  if (!status) {
    const text = [code, message, details].filter(Boolean).join(': ');
    if (code === 'SIGNING_FAILURE') throw new NcaLayerError('signing_failed', text);
    if (code && BAD_REQUEST_CODES.has(code)) throw new NcaLayerError('bad_request', text);
    throw new NcaLayerError('unexpected_reply', text);
  }
  const result = body?.result;
  if (result === undefined) throw new NcaLayerError('cancelled');
  const list = typeof result === 'string' ? [result] : Array.isArray(result) ? result : result.signatures;
  return { moduleMissing: false, value: list };
}

const COMMON_UTILS_MESSAGES: Record<string, ConstructorParameters<typeof NcaLayerError>[0]> = {
  'action.canceled': 'cancelled',
  'storage.empty': 'storage_empty',
  'file.not_found': 'storage_empty',
};

/** commonUtils reply → responseObject, or an error. */
export function readCommonUtilsReply(frame: string): ModuleReply {
  const json = parseJson(frame);
  if (moduleNotFoundSchema.safeParse(json).success) return { moduleMissing: true };
  const reply = commonUtilsSchema.safeParse(json);
  if (!reply.success) throw new NcaLayerError('unexpected_reply', 'not a commonUtils reply');
  const { code, message, responseObject } = reply.data;
  if (code === '200') return { moduleMissing: false, value: responseObject };
  if (message === undefined) throw new NcaLayerError('signing_failed', `code ${code} without a message`);
  throw new NcaLayerError(COMMON_UTILS_MESSAGES[message] ?? 'bad_request', message);
}
