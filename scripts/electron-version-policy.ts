/**
 * Which Electron versions are acceptable to ship: Electron patches only its newest three stable major lines, and a
 * line's security fixes land in its newest patch, so the installed version must be the newest patch of a supported
 * line. The published versions come from the npm registry (the machines that build Qabyl reach nothing else).
 */
const STABLE = /^(\d+)\.(\d+)\.(\d+)$/;
export const SUPPORTED_MAJOR_LINES = 3;

function parse(version: string): [number, number, number] | null {
  const match = STABLE.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compare(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function electronVersionProblems(installed: string, published: readonly string[]): string[] {
  const current = parse(installed);
  if (!current) return [`Electron ${installed} is not a stable release`];
  const stable = published.map(parse).filter((v): v is [number, number, number] => v !== null).sort(compare);
  const majors = [...new Set(stable.map((v) => v[0]))].sort((a, b) => b - a);
  const supported = majors.slice(0, SUPPORTED_MAJOR_LINES);
  const problems: string[] = [];
  if (!supported.includes(current[0])) problems.push(`Electron ${installed} is out of support: supported major lines are ${supported.join(', ')}`);
  const newestOfLine = stable.filter((v) => v[0] === current[0]).at(-1);
  if (newestOfLine && compare(newestOfLine, current) > 0) problems.push(`Electron ${installed} is behind ${newestOfLine.join('.')}, the newest release of its line`);
  return problems;
}
