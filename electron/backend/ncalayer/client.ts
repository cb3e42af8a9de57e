// NCALayer client for the backend (DESIGN §6, reference/ncalayer.md §5.1): a fresh connection per user action,
// one request in flight, basics `sign` with a fallback to commonUtils, per-kind timeouts, never retries a signing.
import { bytesToBase64, toDer } from '../../../domain/pki/bytes';
import { OID } from '../../../domain/pki/oids';
import { NcaLayerConnection } from './connection';
import { NcaLayerError } from './errors';
import { readBasicsReply, readCommonUtilsReply } from './replies';

export const DEFAULT_NCALAYER_URL = 'wss://127.0.0.1:13579/';
const BASICS = 'kz.gov.pki.knca.basics';
const COMMON_UTILS = 'kz.gov.pki.knca.commonUtils';

export interface NcaLayerClientOptions {
  url?: string;
  /** TLS roots for the NCALayer certificate (NCA RSA roots in production, the emulator CA in tests/demo). */
  ca?: string[];
  connectTimeoutMs?: number;
  greetingTimeoutMs?: number;
  /** Dialog calls: the person may take minutes. */
  interactiveTimeoutMs?: number;
  quickTimeoutMs?: number;
  /** basics `signerParams.chain`: omitted = production NCA keys only; `[]` = any CA (test keys, demo). */
  signerChain?: string[];
  /** Language of NCALayer's own dialogs: read at each signing, so it follows the interface language. */
  locale?: () => 'kk' | 'ru' | 'en';
}

export interface SignerFilter {
  extKeyUsageOids: string[];
  iin?: string;
  bin?: string;
}

export interface SignCmsOptions {
  detached: boolean;
  /** Ask NCALayer to attach an RFC 3161 timestamp from NCA's TSA (basics `tsaProfile`); the legacy API cannot. */
  timestamp?: boolean;
  signer: SignerFilter;
  storages?: string[] | null;
}

export class NcaLayerClient {
  private inFlight = false;
  /** Status checks (the login screen may ask twice at once) share one probe and never take the signing slot. */
  private versionProbe: Promise<string> | null = null;
  private readonly options: Required<Omit<NcaLayerClientOptions, 'ca' | 'signerChain'>> & Pick<NcaLayerClientOptions, 'ca' | 'signerChain'>;

  constructor(options: NcaLayerClientOptions = {}) {
    this.options = {
      url: DEFAULT_NCALAYER_URL, connectTimeoutMs: 3000, greetingTimeoutMs: 3000, interactiveTimeoutMs: 10 * 60_000,
      quickTimeoutMs: 5000, locale: () => 'kk', ...options,
    };
  }

  /** Connects, reads the greeting version and disconnects (status check for Settings / the login screen). */
  version(): Promise<string> {
    this.versionProbe ??= this.connected(async (connection) => connection.version).finally(() => {
      this.versionProbe = null;
    });
    return this.versionProbe;
  }

  async getActiveTokens(): Promise<string[]> {
    return this.exclusive(async (connection) => {
      const reply = readCommonUtilsReply(await connection.request({ module: COMMON_UTILS, method: 'getActiveTokens' }, this.options.quickTimeoutMs));
      if (reply.moduleMissing) throw new NcaLayerError('module_missing', COMMON_UTILS);
      if (!Array.isArray(reply.value)) throw new NcaLayerError('unexpected_reply', 'getActiveTokens');
      return reply.value.map(String);
    });
  }

  /** Signs each document (one dialog with basics); returns DER CMS in document order. */
  async signCms(documents: Uint8Array[], options: SignCmsOptions): Promise<Uint8Array[]> {
    return this.exclusive(async (connection) => {
      const data = documents.map(bytesToBase64);
      const signatures = await this.signWithBasics(connection, data, options) ?? await this.signWithCommonUtils(connection, data, options);
      if (signatures.length !== documents.length) {
        throw new NcaLayerError('unexpected_reply', `${signatures.length} signatures for ${documents.length} documents`);
      }
      try {
        return signatures.map((s) => toDer(s));
      } catch {
        throw new NcaLayerError('unexpected_reply', 'signature is neither PEM nor base64');
      }
    });
  }

  /**
   * One document goes as a string, which every NCALayer version reads; several go as one array (one dialog, NCALayer
   * ≥ October 2024). An older NCALayer refuses the array before any dialog opens, so then each document is sent as a
   * string on its own. null = no basics module.
   */
  private async signWithBasics(connection: NcaLayerConnection, data: string[], options: SignCmsOptions): Promise<string[] | null> {
    const ask = async (payload: string | string[]) => {
      const reply = readBasicsReply(await connection.request(this.basicsRequest(payload, options), this.options.interactiveTimeoutMs));
      return reply.moduleMissing ? null : reply.value as string[];
    };
    if (data.length === 1) return ask(data[0]!);
    try {
      return await ask(data);
    } catch (error) {
      if (!(error instanceof NcaLayerError) || error.kind !== 'bad_request') throw error;
      const one: string[] = [];
      for (const doc of data) {
        const signed = await ask(doc);
        if (!signed) return null;
        one.push(...signed);
      }
      return one;
    }
  }

  private basicsRequest(data: string | string[], options: SignCmsOptions): unknown {
    const chain = this.options.signerChain;
    return {
      module: BASICS,
      method: 'sign',
      args: {
        ...(options.storages ? { allowedStorages: options.storages } : {}),
        format: 'cms',
        data,
        signingParams: { decode: true, encapsulate: !options.detached, digested: false, ...(options.timestamp ? { tsaProfile: {} } : {}) },
        signerParams: {
          extKeyUsageOids: options.signer.extKeyUsageOids,
          ...(options.signer.iin ? { iin: options.signer.iin } : {}),
          ...(options.signer.bin ? { bin: options.signer.bin } : {}),
          ...(chain ? { chain } : {}),
        },
        locale: this.options.locale(),
      },
    };
  }

  /**
   * Older NCALayer without basics: one commonUtils dialog per document, on the storage the person chose in Qabyl,
   * else the hardware token that is plugged in, else a key file.
   */
  private async signWithCommonUtils(connection: NcaLayerConnection, data: string[], options: SignCmsOptions): Promise<string[]> {
    const keyType = options.signer.extKeyUsageOids.includes(OID.ekuClientAuth) ? 'AUTHENTICATION' : 'SIGNATURE';
    const storage = options.storages?.[0] ?? (await this.pluggedToken(connection)) ?? 'PKCS12';
    const results: string[] = [];
    for (const doc of data) {
      const request = { module: COMMON_UTILS, method: 'createCAdESFromBase64', args: [storage, keyType, doc, !options.detached] };
      const reply = readCommonUtilsReply(await connection.request(request, this.options.interactiveTimeoutMs));
      if (reply.moduleMissing) throw new NcaLayerError('module_missing', `${BASICS}, ${COMMON_UTILS}`);
      if (typeof reply.value !== 'string') throw new NcaLayerError('unexpected_reply', 'createCAdESFromBase64');
      results.push(reply.value);
    }
    return results;
  }

  private async pluggedToken(connection: NcaLayerConnection): Promise<string | null> {
    const reply = readCommonUtilsReply(await connection.request({ module: COMMON_UTILS, method: 'getActiveTokens' }, this.options.quickTimeoutMs));
    if (reply.moduleMissing || !Array.isArray(reply.value)) return null;
    return reply.value.map(String)[0] ?? null;
  }

  private async exclusive<T>(work: (connection: NcaLayerConnection) => Promise<T>): Promise<T> {
    if (this.inFlight) throw new NcaLayerError('busy');
    this.inFlight = true;
    try {
      return await this.connected(work);
    } finally {
      this.inFlight = false;
    }
  }

  private async connected<T>(work: (connection: NcaLayerConnection) => Promise<T>): Promise<T> {
    let connection: NcaLayerConnection | null = null;
    try {
      connection = await NcaLayerConnection.open({
        url: this.options.url, ca: this.options.ca,
        connectTimeoutMs: this.options.connectTimeoutMs, greetingTimeoutMs: this.options.greetingTimeoutMs,
      });
      return await work(connection);
    } finally {
      connection?.close();
    }
  }
}
