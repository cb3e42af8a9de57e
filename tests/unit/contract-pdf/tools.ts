// Runs the poppler/qpdf command-line tools on PDF bytes (the independent readers the issue asks for).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `pdf` to a temporary folder, runs `fn` with its path, cleans up. */
export function withPdfFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'qabyl-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** pdftotext output with all whitespace runs collapsed (justified lines break names across lines). */
export function pdfText(pdf: Uint8Array, pages?: { first: number; last: number }): string {
  return withPdfFile(pdf, (file) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    return run('pdftotext', [...range, file, '-']).stdout.replace(/\s+/g, ' ');
  });
}

/** The exact bytes of an attachment, extracted by qpdf. */
export function attachment(pdf: Uint8Array, name: string): Uint8Array {
  return withPdfFile(pdf, (file) => new Uint8Array(execFileSync('qpdf', [`--show-attachment=${name}`, file], { maxBuffer: 64 * 1024 * 1024 })));
}
