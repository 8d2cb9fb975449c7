/** `npm run bench [-- --quick] [--runs N] [--rounds N] [--only client|server] [--write]` */

export interface BenchOptions {
  /** Fresh pages per element and scenario in the browser. */
  runs: number;
  /** Repetitions of the whole server pass (fresh processes each time). */
  rounds: number;
  /** Requests per concurrency level in the server pass: [1 client, 16, 64]. */
  requests: Record<1 | 16 | 64, number>;
  /** Untimed requests before each server level. */
  warmup: number;
  /** Mount/unmount cycles for the heap measurement. */
  cycles: number;
  only?: 'client' | 'server';
  /** Rewrite the generated section of bench/RESULTS.md. */
  write: boolean;
  quick: boolean;
}

const USAGE = 'usage: npm run bench -- [--quick] [--runs N] [--rounds N] [--only client|server] [--write]  |  npm run bench -- --load [--quick] [--redis] [--write]';

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`${flag} needs a whole number ≥ 1, got "${value ?? ''}"\n${USAGE}`);
  return number;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    runs: quick ? 5 : 15,
    rounds: quick ? 1 : 3,
    requests: quick ? { 1: 100, 16: 300, 64: 300 } : { 1: 300, 16: 1_000, 64: 1_000 },
    warmup: quick ? 30 : 100,
    cycles: 100,
    write: false,
    quick,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--quick') continue;
    else if (flag === '--write') options.write = true;
    else if (flag === '--runs') options.runs = positiveInteger(flag, argv[++i]);
    else if (flag === '--rounds') options.rounds = positiveInteger(flag, argv[++i]);
    else if (flag === '--only') {
      const value = argv[++i];
      if (value !== 'client' && value !== 'server') throw new RangeError(`--only takes client or server, got "${value ?? ''}"\n${USAGE}`);
      options.only = value;
    } else throw new RangeError(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}
