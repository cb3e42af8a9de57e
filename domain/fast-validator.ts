/**
 * A fast yes/unsure check compiled from a zod schema, for the hot path of validating synced rows. It answers true
 * only when zod would accept the value AND return it unchanged (no unknown key to strip, no default to fill, no
 * transform), so the caller may keep the value as it came without running zod. Anything it does not model (unions,
 * refinements, transforms, pipes, …) answers false, and the caller asks zod, which stays the authority: a false is
 * never a refusal.
 *
 * The schema is turned into the source of one straight-line function (`new Function`): one closure per field would
 * make every call site megamorphic, and the result would be no faster than zod itself.
 */
import type { z } from 'zod';

export type FastValidator = (value: unknown) => boolean;

/**
 * Quicker checks of some patterns: true only if the pattern matches (false: the pattern itself decides). A full
 * match of a Unicode-property pattern walks the string with an alternation per character; a search for a forbidden
 * character is several times faster.
 */
export type PatternShortcuts = ReadonlyMap<RegExp, (value: string) => boolean>;

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

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Thrown while generating: the schema uses something not modelled, so the whole validator answers false. */
class NotModelled extends Error {}

/** Source generation state: the emitted lines and the values the generated code refers to by index. */
class Emitter {
  readonly lines: string[] = [];
  readonly patterns: RegExp[] = [];
  readonly shortcuts: Array<((value: string) => boolean) | null> = [];
  readonly sets: Array<Set<unknown>> = [];
  private names = 0;

  constructor(readonly knownShortcuts: PatternShortcuts) {}

  name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  fail(condition: string): void {
    this.lines.push(`if (${condition}) return false;`);
  }

  set(values: Iterable<unknown>): number {
    this.sets.push(new Set(values));
    return this.sets.length - 1;
  }

  /** Length, format and range checks of a string, number or array held in `x`. */
  checks(def: Def, x: string): void {
    for (const { _zod } of def.checks ?? []) {
      const c = _zod.def;
      switch (c.check) {
        case 'string_format': {
          if (!c.pattern) throw new NotModelled(c.format ?? 'format');
          this.patterns.push(c.pattern);
          this.shortcuts.push(this.knownShortcuts.get(c.pattern) ?? null);
          const i = this.patterns.length - 1;
          this.fail(`!((S[${i}] !== null && S[${i}](${x})) || (P[${i}].lastIndex = 0, P[${i}].test(${x})))`);
          break;
        }
        case 'min_length':
          this.fail(`${x}.length < ${Number(c.minimum)}`);
          break;
        case 'max_length':
          this.fail(`${x}.length > ${Number(c.maximum)}`);
          break;
        case 'length_equals':
          this.fail(`${x}.length !== ${Number(c.length)}`);
          break;
        case 'number_format':
          if (c.format !== 'safeint') throw new NotModelled(String(c.format));
          this.fail(`!Number.isSafeInteger(${x})`);
          break;
        case 'greater_than':
          this.fail(`!(${x} ${c.inclusive ? '>=' : '>'} ${Number(c.value)})`);
          break;
        case 'less_than':
          this.fail(`!(${x} ${c.inclusive ? '<=' : '<'} ${Number(c.value)})`);
          break;
        default:
          throw new NotModelled(c.check); // overwrite (trim, …), custom refinements and anything newer: zod decides
      }
    }
  }

  /** Lines that return false unless the value in variable `x` passes `schema` unchanged. */
  node(schema: z.ZodType, x: string): void {
    const def = defOf(schema);
    switch (def.type) {
      case 'string':
        this.fail(`typeof ${x} !== 'string'`);
        this.checks(def, x);
        return;
      case 'number':
        this.fail(`typeof ${x} !== 'number' || !Number.isFinite(${x})`);
        this.checks(def, x);
        return;
      case 'boolean':
        this.fail(`typeof ${x} !== 'boolean'`);
        return;
      case 'null':
        this.fail(`${x} !== null`);
        return;
      case 'unknown':
      case 'any':
        return;
      case 'enum':
        this.fail(`(typeof ${x} !== 'string' && typeof ${x} !== 'number') || !E[${this.set(Object.values(def.entries ?? {}))}].has(${x})`);
        return;
      case 'literal':
        this.fail(`!E[${this.set(def.values ?? [])}].has(${x})`);
        return;
      case 'nullable':
      case 'optional':
        this.lines.push(`if (${x} !== ${def.type === 'nullable' ? 'null' : 'undefined'}) {`);
        this.node(def.innerType!, x);
        this.lines.push('}');
        return;
      case 'default':
        // An absent value would be filled in by zod: not unchanged.
        this.fail(`${x} === undefined`);
        this.node(def.innerType!, x);
        return;
      case 'array': {
        this.fail(`!Array.isArray(${x})`);
        this.checks(def, x);
        const i = this.name('i');
        const item = this.name('v');
        this.lines.push(`for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`, `const ${item} = ${x}[${i}];`);
        this.node(def.element!, item);
        this.lines.push('}');
        return;
      }
      case 'object':
        this.object(def, x);
        return;
      case 'record': {
        if (defOf(def.keyType!).type !== 'string') throw new NotModelled('record key');
        this.fail(`!isPlain(${x})`);
        const key = this.name('k');
        const item = this.name('v');
        this.lines.push(`for (const ${key} in ${x}) {`);
        this.node(def.keyType!, key);
        this.lines.push(`const ${item} = ${x}[${key}];`);
        this.node(def.valueType!, item);
        this.lines.push('}');
        return;
      }
      default:
        throw new NotModelled(def.type);
    }
  }

  private object(def: Def, x: string): void {
    if (def.catchall || !def.shape) throw new NotModelled('catchall');
    if ((def.checks ?? []).length > 0) throw new NotModelled('object refinement');
    this.fail(`!isPlain(${x})`);
    const present = this.name('n');
    this.lines.push(`let ${present} = 0;`);
    for (const [key, schema] of Object.entries(def.shape)) {
      const k = JSON.stringify(key);
      const field = this.name('v');
      // Absent is fine for an optional field (zod leaves it absent); any other absent field fails below.
      this.lines.push(`if (hasOwn(${x}, ${k})) {`, `${present}++;`, `const ${field} = ${x}[${k}];`);
      this.node(schema, field);
      this.lines.push(defOf(schema).type === 'optional' ? '}' : '} else return false;');
    }
    // zod strips unknown keys: a value with any would not come back unchanged.
    const count = this.name('c');
    this.lines.push(`let ${count} = 0;`, `for (const _ in ${x}) ${count}++;`);
    this.fail(`${count} !== ${present}`);
  }
}

export function compileFastValidator(schema: z.ZodType, shortcuts: PatternShortcuts = new Map()): FastValidator {
  const emitter = new Emitter(shortcuts);
  try {
    emitter.node(schema, 'value');
  } catch (error) {
    if (error instanceof NotModelled) return () => false;
    throw error;
  }
  const source = `return function fastValidator(value) {\n${emitter.lines.join('\n')}\nreturn true;\n};`;
  // The source is built only from the schema's own structure: field names go in as JSON string literals, every
  // pattern, shortcut and enum as an index into the arrays passed in here.
  let make: (...args: unknown[]) => FastValidator;
  try {
    make = new Function('P', 'S', 'E', 'isPlain', 'hasOwn', source) as typeof make;
  } catch {
    return () => false; // a runtime that forbids code generation: zod validates everything
  }
  return make(emitter.patterns, emitter.shortcuts, emitter.sets, isPlainObject, Object.hasOwn);
}
