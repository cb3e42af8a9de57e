/**
 * A fast yes/unsure check compiled from a zod schema, for the hot path of validating synced rows. It answers true
 * only when zod would accept the value AND return it unchanged (no unknown key to strip, no default to fill, no
 * transform), so the caller may keep the value — and the text it came as — without running zod. Anything it does not
 * model (unions, refinements, transforms, pipes, …) answers false, and the caller asks zod, which stays the authority:
 * a false is never a refusal.
 */
import type { z } from 'zod';

export type FastValidator = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const never: FastValidator = () => false;
const always: FastValidator = () => true;

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** One check of a string, number or array, or null when it is not modelled. */
function compileCheck(def: CheckDef): ((value: string | number | unknown[]) => boolean) | null {
  switch (def.check) {
    case 'string_format': {
      const pattern = def.pattern;
      if (!pattern) return null;
      return (value) => {
        pattern.lastIndex = 0;
        return pattern.test(value as string);
      };
    }
    case 'min_length':
      return (value) => (value as string | unknown[]).length >= def.minimum!;
    case 'max_length':
      return (value) => (value as string | unknown[]).length <= def.maximum!;
    case 'length_equals':
      return (value) => (value as string | unknown[]).length === def.length!;
    case 'number_format':
      return def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : null;
    case 'greater_than':
      return def.inclusive ? (value) => (value as number) >= def.value! : (value) => (value as number) > def.value!;
    case 'less_than':
      return def.inclusive ? (value) => (value as number) <= def.value! : (value) => (value as number) < def.value!;
    default:
      return null; // overwrite (trim, …), custom refinements and anything newer: zod decides
  }
}

/** All checks of a node, or null when one of them is not modelled. */
function compileChecks(def: Def): Array<(value: string | number | unknown[]) => boolean> | null {
  const out = [];
  for (const check of def.checks ?? []) {
    const compiled = compileCheck(check._zod.def);
    if (!compiled) return null;
    out.push(compiled);
  }
  return out;
}

function compileObject(def: Def): FastValidator {
  if (def.catchall || !def.shape) return never;
  const fields = Object.entries(def.shape).map(([key, schema]) => {
    const fieldDef = defOf(schema);
    // Absent is fine for an optional field (zod leaves it absent); a default would be filled in, so zod decides.
    const absentOk = fieldDef.type === 'optional';
    return { key, check: compileFastValidator(schema), absentOk };
  });
  const known = new Set(fields.map((f) => f.key));
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const f of fields) {
      if (!Object.hasOwn(value, f.key)) {
        if (!f.absentOk) return false;
      } else if (!f.check(value[f.key])) return false;
    }
    // zod strips unknown keys: such a value would not come back unchanged.
    for (const key in value) if (!known.has(key)) return false;
    return true;
  };
}

export function compileFastValidator(schema: z.ZodType): FastValidator {
  const def = defOf(schema);
  const checks = compileChecks(def);
  if (!checks) return never;
  const all = (value: string | number | unknown[]) => checks.every((c) => c(value));
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string' && all(value);
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value) && all(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
    case 'any':
      return always;
    case 'null':
      return (value) => value === null;
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => (typeof value === 'string' || typeof value === 'number') && allowed.has(value);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (value) => allowed.has(value);
    }
    case 'nullable': {
      const inner = compileFastValidator(def.innerType!);
      return (value) => value === null || inner(value);
    }
    case 'optional': {
      const inner = compileFastValidator(def.innerType!);
      return (value) => value === undefined || inner(value);
    }
    case 'default': {
      const inner = compileFastValidator(def.innerType!);
      return (value) => value !== undefined && inner(value);
    }
    case 'array': {
      const element = compileFastValidator(def.element!);
      return (value) => Array.isArray(value) && all(value) && value.every(element);
    }
    case 'object':
      return compileObject(def);
    case 'record': {
      const keyDef = defOf(def.keyType!);
      if (keyDef.type !== 'string') return never;
      const key = compileFastValidator(def.keyType!);
      const item = compileFastValidator(def.valueType!);
      return (value) => {
        if (!isPlainObject(value)) return false;
        for (const k of Object.keys(value)) if (!key(k) || !item(value[k])) return false;
        return true;
      };
    }
    default:
      return never;
  }
}
