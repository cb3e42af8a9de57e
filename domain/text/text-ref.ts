/**
 * One way to say a user-facing thing: a code of the catalogue (domain/text/catalogue.ts) plus parameters. Every
 * process sends codes and parameters and renders them in the reader's language only when showing them; the
 * optional fallback is the sender's own rendering, shown only when the reader's catalogue lacks the code.
 */
import { z } from 'zod';

export type TextParam = string | number | TextRef;
export interface TextParams {
  [name: string]: TextParam;
}
export interface TextRef {
  code: string;
  params?: TextParams;
}

export const textParamSchema: z.ZodType<TextParam> = z.lazy(() => z.union([z.string().max(2000), z.number(), textRefSchema]));
export const textParamsSchema = z.record(z.string().max(60), textParamSchema);
export const textRefSchema: z.ZodType<TextRef> = z.lazy(() =>
  z.object({ code: z.string().min(1).max(100), params: textParamsSchema.optional() }),
);

export const text = (code: string, params?: TextParams): TextRef => (params ? { code, params } : { code });

/** Fills `{name}` placeholders; a parameter that is itself a text is rendered by `nested` in the same language. */
export function fillTemplate(template: string, params: TextParams | undefined, nested: (ref: TextRef) => string): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? nested(value) : String(value);
  });
}
