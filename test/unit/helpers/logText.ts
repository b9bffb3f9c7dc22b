// Small builders for entry files in tests: realistic YAML with the comments people write.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** An entry file: a header comment, `entries:` and the given items (each a block of lines). */
export function logFile(...items: string[]): string {
  return `# Growth Log 2026: wins, kept by hand and by the extension\nentries:\n${items.join('\n')}`;
}

/** One `- key: value` item at two spaces, from `key: value` lines written without indentation. */
export function item(...lines: string[]): string {
  return lines.map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)).join('\n') + '\n';
}

/** A fresh temporary folder with the given files, removed by the returned function. */
export function tempFolder(files: Record<string, string> = {}): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'growth-log-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every file of a folder with its bytes, to prove nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) result[name] = fs.readFileSync(path.join(dir, name), 'latin1');
  return result;
}
