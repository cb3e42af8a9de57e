/**
 * Synthetic replica data for the client-side benchmarks: contracts (every status, seed names in Kazakh and Russian)
 * with one document each, validated by the shared entity schemas, and the NDJSON a bootstrap would stream. The names
 * come from the server seed's generator; the rows are built here because the client benchmarks need 100k rows in
 * seconds, without the scans and signed PDFs the full demo seed produces for each contract.
 */
import { contractStatuses } from '../../../domain/statuses';
import { entitySchemas, type Contract, type ContractDocument } from '../../../domain/entities';
import { childName } from '../../../demo/seed/names';

const iin = (n: number, salt: number) => String(100000000000 + ((n * 7919 + salt) % 900000000000)).slice(-12);
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + (n % 240) * 86_400_000).toISOString().slice(0, 10);

export function benchContract(n: number, orgId = 'kg1'): Contract {
  const child = childName(n);
  const parent = childName(n + 11);
  const status = contractStatuses[n % contractStatuses.length]!;
  return entitySchemas.contract.parse({
    id: `c${n}`,
    number: `ДО-2026-${String(n).padStart(6, '0')}`,
    orgId,
    directionId: null,
    status,
    version: 1,
    reworkCount: n % 3,
    round: 1 + (n % 3),
    isVoucher: n % 5 === 0,
    child: { fullName: child.fullName, iin: iin(n, 1), birthDate: '2022-03-14', sex: child.sex },
    parent: {
      fullName: parent.fullName,
      iin: iin(n, 2),
      idDocumentNumber: '054812377',
      address: 'Астана қ., Есіл ауданы, Қабанбай батыр даңғылы, 48',
      phone: '+77015551234',
      workplace: '«Қазақтелеком» АҚ',
      position: 'инженер',
    },
    bank: null,
    group: { id: null, nameKk: 'Ортаңғы топ «Күншуақ»', nameRu: 'Средняя группа «Күншуақ»' },
    teachingLanguage: n % 2 === 0 ? 'kk' : 'ru',
    startDate: '2026-09-01',
    offeredOn: day(n),
    submittedAt: `${day(n + 1)}T05:00:00.000Z`,
    dueOn: day(n + 8),
    templateVersion: '1',
    pdfSha256: null,
    parentSignature: null,
    headSignature: null,
    signedAt: null,
    rejectReason: null,
    rejectComment: null,
    archivedOn: null,
    archiveReason: null,
    updatedAt: `${day(n + 1)}T05:00:00.000Z`,
  });
}

export function benchDocument(c: Contract, n: number): ContractDocument {
  return entitySchemas.contractDocument.parse({
    id: `d${n}`,
    contractId: c.id,
    kind: 'birth_certificate',
    round: 1,
    current: true,
    fileName: 'birth-certificate.jpg',
    mime: 'image/jpeg',
    size: 180_000,
    sha256: n.toString(16).padStart(64, '0'),
    reviewStatus: 'pending',
    flagReason: null,
    flagComment: null,
    reviewedByIin: null,
    reviewedAt: null,
    version: 1,
  });
}

export interface Dataset {
  contracts: Contract[];
  documents: ContractDocument[];
  rows: number;
  /** The bootstrap NDJSON of all rows plus the `_meta` line. */
  ndjson: Uint8Array;
}

type Entity = 'contract' | 'contractDocument';

const rowLine = (entity: Entity, row: Contract | ContractDocument) => JSON.stringify({ entity, id: row.id, version: 1, data: row });

const metaLine = (contractCount: number) => JSON.stringify({ _meta: { cursor: 1, counts: { contract: contractCount, contractDocument: contractCount } } });

export function dataset(contractCount: number): Dataset {
  const contracts = Array.from({ length: contractCount }, (_, n) => benchContract(n));
  const documents = contracts.map((c, n) => benchDocument(c, n));
  const lines = [...contracts.map((c) => rowLine('contract', c)), ...documents.map((d) => rowLine('contractDocument', d)), metaLine(contractCount)];
  return { contracts, documents, rows: contracts.length + documents.length, ndjson: new TextEncoder().encode(`${lines.join('\n')}\n`) };
}

/** Rows built per block by `bootstrapOnly`: a few megabytes of strings at a time. */
const BLOCK = 5_000;

/**
 * The same bootstrap NDJSON as `dataset(contractCount)`, without keeping its rows: a benchmark that only serves the
 * bytes (outside the script heap) then holds no gigabyte of row objects that its own garbage collections would walk
 * while it measures round trips.
 */
export function bootstrapOnly(contractCount: number): Pick<Dataset, 'ndjson' | 'rows'> {
  const parts: Buffer[] = [];
  for (const entity of ['contract', 'contractDocument'] as const) {
    for (let start = 0; start < contractCount; start += BLOCK) {
      const lines: string[] = [];
      for (let n = start; n < Math.min(contractCount, start + BLOCK); n++) {
        const contract = benchContract(n);
        lines.push(rowLine(entity, entity === 'contract' ? contract : benchDocument(contract, n)));
      }
      parts.push(Buffer.from(`${lines.join('\n')}\n`));
    }
  }
  parts.push(Buffer.from(`${metaLine(contractCount)}\n`));
  return { ndjson: Buffer.concat(parts), rows: 2 * contractCount };
}
