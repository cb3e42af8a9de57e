/**
 * An AppError whose words come from the catalogue: details.text carries code + params, and every receiver renders
 * it in its user's language (the English message is for logs only).
 */
import { AppError } from '../envelope';
import { displayText } from './catalogue';
import { textRefSchema, type TextRef } from './text-ref';

export function textError(ref: TextRef, options: { code?: string; details?: Record<string, unknown> } = {}): AppError {
  return new AppError(options.code ?? ref.code, displayText(ref, 'en'), { ...options.details, text: ref });
}

/** The catalogue text an error's details carry, if any. */
export function textOfDetails(details: unknown): TextRef | null {
  if (!details || typeof details !== 'object') return null;
  const parsed = textRefSchema.safeParse((details as { text?: unknown }).text);
  return parsed.success ? parsed.data : null;
}
