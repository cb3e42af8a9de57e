// X.500 name comparison for issuer/subject chaining and issuerAndSerialNumber: equal DER, or else equal attribute
// by attribute after the RFC 5280 §7.1 simplification (case folded, whitespace collapsed) — Kalkan and the CA may
// encode the same name with different string types.
import type * as pkijs from 'pkijs';
import { bytesEqual } from './bytes';

function der(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  return new Uint8Array(name.toSchema().toBER(false));
}

function simplified(name: pkijs.RelativeDistinguishedNames): string[] {
  return name.typesAndValues.map((tv) => `${tv.type}=${String(tv.value.valueBlock.value ?? '').trim().replace(/\s+/g, ' ').toLowerCase()}`);
}

export function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  if (bytesEqual(der(a), der(b))) return true;
  const left = simplified(a);
  const right = simplified(b);
  return left.length === right.length && left.every((part, i) => part === right[i]);
}
