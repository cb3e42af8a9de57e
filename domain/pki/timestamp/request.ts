// RFC 3161 §2.4: the request (SHA-256 imprint of the stamped bytes, a nonce, the TSA certificate asked for) and
// the reply (granted status, then the token).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes';
import { ensurePkiEngine } from '../engine';

export interface TimestampQuery {
  der: Uint8Array;
  nonce: bigint;
}

/**
 * The nonce's INTEGER contents from 8 random bytes: positive (top bit clear) and minimal (first byte not zero). A
 * leading zero byte followed by a byte below 0x80 is not DER, and OpenSSL's TSA refuses such a query ("bad request
 * format") — one request in 256 before this rule.
 */
export function nonceContents(random: Uint8Array): Uint8Array {
  const bytes = Uint8Array.from(random);
  bytes[0] = bytes[0]! & 0x7f || 0x01;
  return bytes;
}

export async function buildTimestampRequest(stamped: Uint8Array, policy?: string): Promise<TimestampQuery> {
  ensurePkiEngine();
  const nonceBytes = nonceContents(globalThis.crypto.getRandomValues(new Uint8Array(8)));
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: await pkijs.MessageImprint.create('SHA-256', toArrayBuffer(stamped)),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonceBytes) }),
    certReq: true,
    ...(policy ? { reqPolicy: policy } : {}),
  });
  const nonce = BigInt(`0x${Array.from(nonceBytes, (b) => b.toString(16).padStart(2, '0')).join('')}`);
  return { der: new Uint8Array(request.toSchema().toBER(false)), nonce };
}

/** The token of a granted reply; throws with the TSA's status text otherwise. */
export function tokenOfReply(der: Uint8Array): Uint8Array {
  let reply: pkijs.TimeStampResp;
  try {
    reply = pkijs.TimeStampResp.fromBER(toArrayBuffer(der));
  } catch {
    throw new Error('the TSA reply cannot be parsed');
  }
  // 0 granted, 1 grantedWithMods.
  if (reply.status.status > 1 || !reply.timeStampToken) {
    const text = reply.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw new Error(`the TSA refused (status ${reply.status.status}${text ? `: ${text}` : ''})`);
  }
  return new Uint8Array(reply.timeStampToken.toSchema().toBER(false));
}

export function integerValue(value: asn1js.Integer): bigint {
  const hex = Array.from(new Uint8Array(value.valueBlock.valueHexView), (b) => b.toString(16).padStart(2, '0')).join('');
  return BigInt(`0x${hex || '0'}`);
}
