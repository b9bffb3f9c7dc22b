// Runs the CLI's main in this process, in `cwd`, and collects what it prints, as a terminal shows it.
import { main } from '../../../src/cli';

export async function runCli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  } finally {
    process.chdir(previous);
  }
}
