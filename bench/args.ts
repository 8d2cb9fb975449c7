/** `npm run bench [-- --quick] [--runs N] [--rounds N] [--only paired,server] [--write]` */
import { PROFILE_IDS } from './client/profiles.js';

export type BenchPass = 'client' | 'server' | 'paired';
const PASSES: readonly BenchPass[] = ['client', 'server', 'paired'];

/** Whether `pass` runs with these options. */
export const runsPass = (options: Pick<BenchOptions, 'only'>, pass: BenchPass) => !options.only || options.only.includes(pass);

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
  /** Rounds of the paired page-load bench (each loads both elements) per profile. */
  pairs: number;
  /** Profiles of the paired bench (bench/client/profiles.ts); all when absent. */
  profiles?: string[];
  /** The passes to run (`--only paired,server`); all when absent. */
  only?: BenchPass[];
  /** A folder with an earlier script-tag build (bench/build-baseline.sh) to load in the same paired rounds. */
  baseline?: string;
  /** An earlier tree's `src/` (bench/server/baseline.sh): its checkout handler runs in the same server rounds. */
  serverBaseline?: string;
  /** Rewrite the generated section of bench/RESULTS.md. */
  write: boolean;
  quick: boolean;
}

const USAGE =
  'usage: npm run bench -- [--quick] [--runs N] [--rounds N] [--pairs N] [--profiles floor,fast,slow,fast-handshake,slow-handshake] [--baseline DIR] [--server-baseline DIR] [--only client,server,paired (one or more)] [--write]  |  npm run bench -- --load [--quick] [--redis] [--write]';

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
    pairs: quick ? 5 : 15,
    write: false,
    quick,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--quick') continue;
    else if (flag === '--write') options.write = true;
    else if (flag === '--runs') options.runs = positiveInteger(flag, argv[++i]);
    else if (flag === '--rounds') options.rounds = positiveInteger(flag, argv[++i]);
    else if (flag === '--baseline') {
      const dir = argv[++i];
      if (!dir) throw new RangeError(`--baseline needs a folder holding paytool.js\n${USAGE}`);
      options.baseline = dir;
    } else if (flag === '--server-baseline') {
      const dir = argv[++i];
      if (!dir) throw new RangeError(`--server-baseline needs a folder holding an earlier src/ (bench/server/baseline.sh)\n${USAGE}`);
      options.serverBaseline = dir;
    } else if (flag === '--pairs') options.pairs = positiveInteger(flag, argv[++i]);
    else if (flag === '--profiles') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = list.filter((p) => !PROFILE_IDS.includes(p));
      if (!list.length || unknown.length) throw new RangeError(`--profiles takes a list of ${PROFILE_IDS.join(', ')}; got "${argv[i] ?? ''}"\n${USAGE}`);
      options.profiles = list;
    } else if (flag === '--only') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      if (!list.length || list.some((p) => !PASSES.includes(p as BenchPass)))
        throw new RangeError(`--only takes client, server and/or paired (comma-separated), got "${argv[i] ?? ''}"\n${USAGE}`);
      options.only = list as BenchPass[];
    } else throw new RangeError(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}
