/**
 * Structured JSON logs (Fastify's pino logger): one line per event with the request id, IINs masked wherever they
 * appear (messages, fields, errors), URLs logged without their query string (a query may carry personal data).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';

const IIN = /(?<!\d)\d{8}(\d{4})(?!\d)/g;
const QUERY_IN_TEXT = /(\/[^\s?'"]*)\?[^\s'"]*/g;

/** Hides the first 8 digits of every 12-digit run (IINs and BINs) and the query of every path in a text. */
export function maskText(text: string): string {
  return text.replace(IIN, '********$1').replace(QUERY_IN_TEXT, '$1?…');
}

/**
 * maskText applied to every string of plain objects and arrays; class instances (the request, errors) are left to
 * their serializers, which mask what they output.
 */
export function maskValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, depth + 1)]));
}

export const pathOnly = (url: string | undefined): string => (url ?? '').split('?')[0]!;

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The load balancer's X-Request-Id when it is a plain token, so one id follows a request across hops; else a UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export interface LogOptions {
  level?: string;
  /** Where lines go (tests capture them); stdout by default. */
  stream?: { write(line: string): void };
}

function serializeError(error: Error & { code?: unknown }): { type: string; message: string; stack: string; [key: string]: unknown } {
  return {
    type: error.name,
    message: maskText(String(error.message)),
    stack: maskText(error.stack ?? ''),
    ...(error.code !== undefined ? { code: maskValue(error.code) } : {}),
  };
}

export type LoggerConfig = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export function loggerOptions(options: LogOptions): LoggerConfig {
  return {
    level: options.level ?? 'info',
    ...(options.stream ? { stream: options.stream } : {}),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: maskText(pathOnly(req.url)) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
    formatters: { log: (object: Record<string, unknown>) => maskValue(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskText(a) : a)));
      },
    },
  };
}
