/**
 * One logger for the backend: levels, one line of JSON each, IINs/BINs masked so no personal data reaches the log.
 * Rotation: the file sink starts a new file above `maxBytes` and keeps `keep` old ones.
 */
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** 12-digit identifiers (IIN, BIN) keep their first 2 and last 2 digits. */
export function maskPersonalData(text: string): string {
  return text.replace(/(?<!\d)(\d{2})\d{8}(\d{2})(?!\d)/g, '$1********$2');
}

export interface LoggerOptions {
  level?: LogLevel;
  file?: string;
  maxBytes?: number;
  keep?: number;
  console?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = order[options.level ?? 'info'];
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  if (options.file) fs.mkdirSync(path.dirname(options.file), { recursive: true });

  const rotate = (file: string) => {
    for (let i = keep - 1; i >= 1; i--) if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    fs.renameSync(file, `${file}.1`);
  };

  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (order[level] < threshold) return;
    const line = maskPersonalData(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }));
    if (options.console ?? !options.file) (level === 'error' ? console.error : console.log)(line);
    if (options.file) {
      if (fs.existsSync(options.file) && fs.statSync(options.file).size > maxBytes) rotate(options.file);
      fs.appendFileSync(options.file, `${line}\n`);
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
