import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { NcaLayerClient, NcaLayerError, signAndVerify, type NcaLayerClientOptions } from '../../../electron/backend/ncalayer';
import { readBasicsReply, readCommonUtilsReply } from '../../../electron/backend/ncalayer/replies';
import { ncaLayerErrorMessage, type NcaLayerErrorKind } from '../../../domain/ncalayer-errors';
import { verifyCms } from '../../../domain/pki';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../fixtures/ncalayer/emulator';
import { findIdentity, findOrganisation } from '../../fixtures/pki/identities';
import { trustedTestRootsPem } from '../../fixtures/pki/load';
import { opensslVerifies } from '../../unit/pki/openssl';

const doc = new TextEncoder().encode('%PDF-1.7 contract bytes');
const head = findIdentity('kg1-head');
const kg1 = findOrganisation('kg1');
const expectHead = { usage: 'sign' as const, iin: head.iin, bin: kg1.bin, roles: ['ceo', 'can_sign'] as const };

let emulator: RunningEmulator;
const extra: RunningEmulator[] = [];

function clientFor(target: RunningEmulator, options: NcaLayerClientOptions = {}): NcaLayerClient {
  return new NcaLayerClient({ url: target.url, ca: [target.caPem], signerChain: [], greetingTimeoutMs: 500, interactiveTimeoutMs: 2000, ...options });
}

async function emulatorWith(options: EmulatorOptions): Promise<RunningEmulator> {
  const started = await startEmulator({ keystore: ['kg1-head'], ...options });
  extra.push(started);
  return started;
}

async function failureKind(work: Promise<unknown>): Promise<NcaLayerErrorKind> {
  const error = await work.then(() => null, (e: unknown) => e);
  if (!(error instanceof NcaLayerError)) throw new Error(`expected NcaLayerError, got ${String(error)}`);
  return error.kind;
}

/** The storageName of the last commonUtils signing request the emulator saw. */
function storageOf(target: RunningEmulator): unknown {
  const signing = target.requests().filter((r) => (r as { method: string }).method === 'createCAdESFromBase64');
  return (signing.at(-1) as { args: unknown[] } | undefined)?.args[0];
}

function signHead(client: NcaLayerClient) {
  return signAndVerify(client, { documents: [doc], detached: true, expect: expectHead, trustedRoots: trustedTestRootsPem() });
}

beforeAll(async () => {
  emulator = await startEmulator({ keystore: ['kg1-head', 'kg1-methodist'] });
});
afterEach(async () => {
  emulator.setUser({ type: 'approve', key: 0 });
  await Promise.all(extra.splice(0).map((e) => e.close()));
});
afterAll(async () => emulator.close());

describe('NCALayer client against the emulator', () => {
  it('signs through basics with the exact request shape, and the CMS verifies here and with openssl', async () => {
    const signed = await signHead(clientFor(emulator));
    expect(signed.signer.iin).toBe(head.iin);
    expect(signed.signer.signatureAlgorithm).toBe('gost2015-512');
    expect(opensslVerifies(signed.signatures[0]!, doc)).toBe(true);
    const request = emulator.requests().at(-1);
    expect(request).toEqual({
      module: 'kz.gov.pki.knca.basics', method: 'sign',
      args: {
        format: 'cms', data: Buffer.from(doc).toString('base64'),
        signingParams: { decode: true, encapsulate: false, digested: false },
        signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.2'], iin: head.iin, bin: kg1.bin, chain: [] },
        locale: 'kk',
      },
    });
  });

  it('signs several documents in one dialog, attached', async () => {
    const docs = [doc, new TextEncoder().encode('second')];
    const signatures = await clientFor(emulator).signCms(docs, { detached: false, signer: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.4'] } });
    expect(signatures).toHaveLength(2);
    for (const [i, cms] of signatures.entries()) {
      const result = await verifyCms({ cms, trustedRoots: trustedTestRootsPem(), at: new Date(), expect: { usage: 'sign' } });
      expect(result.ok && Buffer.from(result.content).equals(Buffer.from(docs[i]!))).toBe(true);
    }
  });

  it('picks key N: the methodist key is refused for a head-only action', async () => {
    emulator.setUser({ type: 'approve', key: 0 });
    const client = clientFor(emulator);
    const asMethodist = signAndVerify(client, {
      documents: [doc], detached: true, trustedRoots: trustedTestRootsPem(),
      expect: { usage: 'sign', iin: findIdentity('kg1-methodist').iin, bin: kg1.bin, roles: ['ceo'] },
    });
    const error = await asMethodist.then(() => null, (e: unknown) => e as NcaLayerError);
    expect(error?.kind).toBe('role_not_allowed');
    expect(error?.detail).toContain('ROLE_NOT_ALLOWED');
  });

  it('refuses an AUTH key chosen for signing as auth_key_used', async () => {
    emulator.setUser({ type: 'sign-as', identity: 'kg2-clerk' });
    const client = clientFor(emulator);
    const asClerk = signAndVerify(client, { documents: [doc], detached: true, trustedRoots: trustedTestRootsPem(), expect: { usage: 'sign' } });
    const error = await asClerk.then(() => null, (e: unknown) => e as NcaLayerError);
    expect(error).toMatchObject({ kind: 'auth_key_used' });
    expect(error?.detail).toContain('WRONG_KEY_USAGE');
  });

  it('refuses another person\'s key as wrong_signer naming the expected and the actual IIN', async () => {
    emulator.setUser({ type: 'sign-as', identity: 'kg2-head' });
    const error = await signHead(clientFor(emulator)).then(() => null, (e: unknown) => e as NcaLayerError);
    expect(error).toBeInstanceOf(NcaLayerError);
    expect(error).toMatchObject({ kind: 'wrong_signer', expected: head.iin, got: findIdentity('kg2-head').iin });
  });

  it("tells the person's own personal key apart from another organisation's key, naming the BINs of the latter", async () => {
    const parent = findIdentity('parent-02');
    emulator.setUser({ type: 'sign-as', identity: 'parent-02' });
    const personal = signAndVerify(clientFor(emulator), {
      documents: [doc], detached: true, trustedRoots: trustedTestRootsPem(), expect: { usage: 'sign', iin: parent.iin, bin: kg1.bin },
    });
    expect(await failureKind(personal)).toBe('personal_key_used');

    const otherHead = findIdentity('kg2-head');
    emulator.setUser({ type: 'sign-as', identity: 'kg2-head' });
    const otherOrg = signAndVerify(clientFor(emulator), {
      documents: [doc], detached: true, trustedRoots: trustedTestRootsPem(), expect: { usage: 'sign', iin: otherHead.iin, bin: kg1.bin },
    });
    const error = await otherOrg.then(() => null, (e: unknown) => e as NcaLayerError);
    expect(error).toMatchObject({ kind: 'wrong_organisation', expected: kg1.bin, got: findOrganisation('kg2').bin });
    expect(ncaLayerErrorMessage(error!.toFailure(), 'ru')).toBe(
      `Ключ выдан сотруднику другой организации. Выберите ключ, полученный вами как сотрудником этой организации. Ожидался: ${kg1.bin}, получен: ${findOrganisation('kg2').bin}.`,
    );
  });

  it('names the role a refused certificate carries and the role needed, in the UI language', async () => {
    const methodist = findIdentity('kg1-methodist');
    emulator.setUser({ type: 'sign-as', identity: 'kg1-methodist' });
    const asMethodist = signAndVerify(clientFor(emulator), {
      documents: [doc], detached: true, trustedRoots: trustedTestRootsPem(), expect: { usage: 'sign', iin: methodist.iin, bin: kg1.bin, roles: ['ceo', 'can_sign'] },
    });
    const failure = (await asMethodist.then(() => null, (e: unknown) => e as NcaLayerError))!.toFailure();
    expect(failure.kind).toBe('role_not_allowed');
    expect(ncaLayerErrorMessage(failure, 'kk')).toMatch(/Сертификаттағы рөл: қызметкер\. Қажет рөл: бірінші басшы, қол қою құқығы бар қызметкер\.$/);
    expect(ncaLayerErrorMessage(failure, 'ru')).toMatch(/Роль в сертификате: сотрудник\. Нужна роль: первый руководитель, сотрудник с правом подписи\.$/);
    expect(ncaLayerErrorMessage(failure, 'ru')).not.toMatch(/другого человека/);
  });

  it.each([
    [{ type: 'cancel' } as const, 'cancelled'],
    [{ type: 'close' } as const, 'cancelled'],
    [{ type: 'never' } as const, 'timeout'],
    [{ type: 'drop' } as const, 'connection_lost'],
    [{ type: 'corrupt' } as const, 'invalid_signature'],
    [{ type: 'signing-failure' } as const, 'signing_failed'],
    [{ type: 'storage-empty' } as const, 'cancelled'],
  ])('scripted user %o → %s', async (action, kind) => {
    emulator.setUser(action);
    expect(await failureKind(signHead(clientFor(emulator, { interactiveTimeoutMs: 300 })))).toBe(kind);
  });

  it('a delayed user still signs', async () => {
    emulator.setUser({ type: 'delay', ms: 150, then: { type: 'approve' } });
    expect((await signHead(clientFor(emulator))).signer.iin).toBe(head.iin);
  });

  it('a second request while the first dialog is open is busy; the first is not retried', async () => {
    emulator.setUser({ type: 'delay', ms: 300, then: { type: 'approve' } });
    const client = clientFor(emulator);
    const before = emulator.requests().length;
    const first = signHead(client);
    expect(await failureKind(signHead(client))).toBe('busy');
    await first;
    expect(emulator.requests().length - before).toBe(1);
  });

  it('status checks asked at once share one connection, and a check during an open signing dialog is not busy', async () => {
    const greetings = () => emulator.frames.filter((f) => f.direction === 'out' && f.data.includes('"version"')).length;
    const client = clientFor(emulator);
    const before = greetings();
    const [a, b] = await Promise.all([client.version(), client.version()]);
    expect([a, b]).toEqual(['1.4', '1.4']);
    expect(greetings() - before).toBe(1);

    emulator.setUser({ type: 'delay', ms: 300, then: { type: 'approve' } });
    const signing = signHead(client);
    expect(await client.version()).toBe('1.4');
    expect((await signing).signer.iin).toBe(head.iin);
  });

  it('asks NCALayer for its dialogs in the language read at signing time', async () => {
    let language: 'kk' | 'ru' | 'en' = 'ru';
    const client = clientFor(emulator, { locale: () => language });
    await signHead(client);
    expect((emulator.requests().at(-1) as { args: { locale: string } }).args.locale).toBe('ru');
    language = 'en';
    await signHead(client);
    expect((emulator.requests().at(-1) as { args: { locale: string } }).args.locale).toBe('en');
  });

  it('falls back to commonUtils when basics is missing, and maps storage.empty', async () => {
    const old = await emulatorWith({ faults: { basicsMissing: true } });
    const signed = await signHead(clientFor(old));
    expect(opensslVerifies(signed.signatures[0]!, doc)).toBe(true);
    expect(old.requests().map((r) => (r as { module: string; method: string }).method)).toEqual(['sign', 'getActiveTokens', 'createCAdESFromBase64']);
    expect(storageOf(old)).toBe('PKCS12');
    const noToken = clientFor(old).signCms([doc], { detached: true, signer: { extKeyUsageOids: [] }, storages: ['AKKaztokenStore'] });
    expect(await failureKind(noToken)).toBe('storage_empty');
  });

  it('the commonUtils fallback signs on the storage the person chose, else on the plugged-in token', async () => {
    const withToken = await emulatorWith({ faults: { basicsMissing: true }, hardwareTokens: ['AKKaztokenStore', 'AKKZIDCardStore'] });
    await signHead(clientFor(withToken));
    expect(storageOf(withToken)).toBe('AKKaztokenStore');
    await clientFor(withToken).signCms([doc], { detached: true, signer: { extKeyUsageOids: [] }, storages: ['AKKZIDCardStore'] });
    expect(storageOf(withToken)).toBe('AKKZIDCardStore');
  });

  it('an NCALayer before October 2024 gets `data` as a string, one request per document', async () => {
    const old = await emulatorWith({ outputMode: 'legacy2022' });
    const single = await signHead(clientFor(old));
    expect(single.signatures).toHaveLength(1);
    expect(typeof (old.requests().at(-1) as { args: { data: unknown } }).args.data).toBe('string');

    const second = new TextEncoder().encode('%PDF-1.7 second document');
    const before = old.requests().length;
    const both = await clientFor(old).signCms([doc, second], { detached: true, signer: { extKeyUsageOids: [] } });
    const sent = old.requests().slice(before).map((r) => (r as { args: { data: unknown } }).args.data);
    expect(sent.map((d) => (Array.isArray(d) ? 'array' : typeof d))).toEqual(['array', 'string', 'string']);
    for (const [i, content] of [doc, second].entries()) {
      const result = await verifyCms({ cms: both[i]!, content, trustedRoots: trustedTestRootsPem(), at: new Date(), expect: { usage: 'sign' } });
      expect(result.ok).toBe(true);
    }
  });

  it('without chain [] test keys are not selectable (the real NCALayer behaviour): cancelled', async () => {
    expect(await failureKind(signHead(clientFor(emulator, { signerChain: undefined })))).toBe('cancelled');
  });

  it('environment faults: port closed, untrusted TLS, no greeting, heartbeats ignored', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    expect(await failureKind(new NcaLayerClient({ url: `wss://127.0.0.1:${closedPort}/`, ca: [emulator.caPem] }).version())).toBe('not_running');

    const untrusted = await emulatorWith({ faults: { untrustedTls: true } });
    expect(await failureKind(clientFor(untrusted).version())).toBe('tls_untrusted');

    const silent = await emulatorWith({ faults: { noGreeting: true } });
    expect(await failureKind(clientFor(silent, { greetingTimeoutMs: 200 }).version())).toBe('no_greeting');

    expect(await clientFor(emulator).version()).toBe('1.4');
  });

  it('getActiveTokens lists hardware tokens; recorded error replies map to bad_request / unexpected_reply', async () => {
    const tokens = await emulatorWith({ hardwareTokens: ['AKKaztokenStore'] });
    expect(await clientFor(tokens).getActiveTokens()).toEqual(['AKKaztokenStore']);
    const kindOf = (read: () => unknown) => { try { read(); return null; } catch (e) { return (e as NcaLayerError).kind; } };
    expect(kindOf(() => readBasicsReply('{"code":"INVOCATION_ERROR","details":"org.json.JSONException: JSONObject[\\"signingParams\\"] is not a JSONObject.","message":"An invoked method threw an exception.","status":false}'))).toBe('bad_request');
    expect(kindOf(() => readCommonUtilsReply('{"code":"500","message":"java.lang.IllegalArgumentException: argument type mismatch. Method: getKeyInfo"}'))).toBe('bad_request');
    expect(kindOf(() => readBasicsReply('{"hello":1}'))).toBe('unexpected_reply');
    expect(readBasicsReply('{"body":{"result":"-----BEGIN CMS-----\\nMA==\\n-----END CMS-----\\n"},"status":true}')).toEqual({ moduleMissing: false, value: ['-----BEGIN CMS-----\nMA==\n-----END CMS-----\n'] });
  });
});
