// Types of parts.js (plain JS so that eslint.config.js can load it without a TypeScript loader).
export interface Part {
  name: string;
  folders: string[];
  parts: string[];
  packages: string[];
  why: string;
}
export declare const PARTS: Part[];
