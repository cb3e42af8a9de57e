import { beforeAll, describe, expect, it } from 'vitest';
import { renderContractPdf, sha256Hex, TEMPLATE_VERSION, type ContractFonts, type ContractPdfData } from '../../../domain/contract-pdf';
import { sampleContractPdfData } from '../../../demo/contract-sample';
import { loadContractFonts } from '../../../node-adapters/fonts';
import { pdfText, run, withPdfFile } from './tools';

const KAZAKH_LETTERS = [...'әғқңөұүһіӘҒҚҢӨҰҮҺІ'];

let fonts: ContractFonts;
let data: ContractPdfData;
let pdf: Uint8Array;
let text: string;

beforeAll(async () => {
  fonts = await loadContractFonts();
  data = sampleContractPdfData();
  pdf = await renderContractPdf(data, fonts);
  text = pdfText(pdf);
});

describe('renderContractPdf', () => {
  it('contains both parties, the child and the contract data as text', () => {
    for (const value of [data.child.fullName, data.child.iin, data.parent.fullName, data.parent.iin, data.organisation.bin, data.parent.idDocumentNumber, data.bank!.iban, data.contract.number]) {
      expect(text).toContain(value);
    }
    expect(text).toContain(`шаблон ${TEMPLATE_VERSION}`);
  });

  it('has the Kazakh text first, then the Russian one', () => {
    const kazakhTitle = text.indexOf('мектепке дейінгі тәрбие мен оқыту қызметтерін көрсету туралы');
    const russianTitle = text.indexOf('оказания услуг дошкольного воспитания и обучения');
    expect(kazakhTitle).toBeGreaterThanOrEqual(0);
    expect(russianTitle).toBeGreaterThan(kazakhTitle);
  });

  it('names the group in Kazakh in the Kazakh text and in Russian in the Russian one', () => {
    const russianTitle = text.indexOf('оказания услуг дошкольного воспитания и обучения');
    const kazakh = text.slice(0, russianTitle);
    const russian = text.slice(russianTitle);
    expect(kazakh).toContain(data.contract.group.kk);
    expect(kazakh).not.toContain(data.contract.group.ru);
    expect(russian).toContain(data.contract.group.ru);
    expect(russian).not.toContain(data.contract.group.kk);
  });

  it('extracts every Kazakh-specific letter (lower and upper case) from the PDF text', () => {
    // The capitals ҒҢӨҰҮҺ do not occur in running text, so render them once in a name to check the font.
    const capitals = { ...data, child: { ...data.child, fullName: 'ҒҢӨҰҮҺ Әлі Қайрат' } };
    return renderContractPdf(capitals, fonts).then((bytes) => {
      const all = pdfText(bytes);
      for (const letter of KAZAKH_LETTERS) expect(all, letter).toContain(letter);
    });
  });

  it('passes qpdf --check', () => {
    const result = withPdfFile(pdf, (file) => run('qpdf', ['--check', file]));
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('embeds both fonts as subsets with a Unicode map', () => {
    const lines = withPdfFile(pdf, (file) => run('pdffonts', [file]).stdout).trim().split('\n').slice(2);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      // name type… encoding emb sub uni object ID
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s.*Identity-H\s+yes\s+yes\s+yes\s/);
    }
  });

  it('has at least 30 A4 pages and stays under 1 MB', () => {
    const info = withPdfFile(pdf, (file) => run('pdfinfo', [file]).stdout);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(30);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(pdf.length).toBeLessThan(1024 * 1024);
  });

  it('gives the same bytes for the same data, different bytes when one field changes', async () => {
    const again = await renderContractPdf(sampleContractPdfData(), fonts);
    expect(await sha256Hex(again)).toBe(await sha256Hex(pdf));
    const changedPhone = { ...data, parent: { ...data.parent, phone: '+7 701 555 12 35' } };
    expect(await sha256Hex(await renderContractPdf(changedPhone, fonts))).not.toBe(await sha256Hex(pdf));
  });

  it('takes its dates from the data, not from the clock', () => {
    const info = withPdfFile(pdf, (file) => run('pdfinfo', ['-isodates', file]).stdout);
    expect(info).toMatch(/CreationDate:\s+2026-08-17T07:00:00/);
    expect(info).toMatch(/ModDate:\s+2026-08-17T07:00:00/);
  });

  it('shows the template wording for the financing of the contract', async () => {
    expect(text).toContain('по ваучеру');
    const stateOrder = { ...data, contract: { ...data.contract, isVoucher: false }, bank: null };
    const other = pdfText(await renderContractPdf(stateOrder, fonts));
    expect(other).toContain('государственного образовательного заказа');
    expect(other).not.toContain(data.bank!.iban);
  });

  it('words the Kazakh text as the native review asked (2026.2), one spelling of the medical form numbers', () => {
    const kazakh = text.slice(0, text.indexOf('оказания услуг дошкольного воспитания и обучения')).replace(/\s+/g, ' ');
    for (const wording of ['Жіберіп алған пайда өтелмейді', 'Талап (претензия) жазбаша', '№ 052-2/у нысаны, бұрынғы № 026/у-3', '№ 065/у нысаны', '№ 027/у нысанындағы']) {
      expect(kazakh).toContain(wording);
    }
    for (const old of ['Жіберілген пайда', 'Талап-арыз', '052-2/е', '065/е', '027/е']) expect(kazakh).not.toContain(old);
  });

  it('re-renders a contract made with template 2026.1 byte for byte in its own wording', async () => {
    const older = await renderContractPdf({ ...data, templateVersion: '2026.1' }, fonts);
    // The SHA-256 the 2026.1 build gave for the demo sample: a parent's signature on such a contract stays valid.
    // (It changes only if the demo sample itself changes.)
    expect(await sha256Hex(older)).toBe('e98a9296dc812a4fb811c13e8baceeb0bdac5bcb014a213b647a1cc5ae3bbd28');
    const olderText = pdfText(older).replace(/\s+/g, ' ');
    expect(olderText).toContain('шаблон 2026.1');
    expect(olderText).toContain('Жіберілген пайда өтелмейді');
    expect(olderText).not.toContain('Жіберіп алған пайда');
  });

  it('refuses a template version it does not have', async () => {
    await expect(renderContractPdf({ ...data, templateVersion: '2025.9' }, fonts)).rejects.toThrow(/template version 2025\.9/);
  });

  it('refuses text the font cannot show instead of drawing boxes', async () => {
    const unsupported = { ...data, parent: { ...data.parent, workplace: 'Офис 中' } };
    await expect(renderContractPdf(unsupported, fonts)).rejects.toThrow(/no glyph for U\+4E2D/);
  });
});
