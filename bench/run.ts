/**
 * `npm run bench` — our element against `@google-pay/button-element` in Chromium, and the
 * checkout handler against the bare sandbox, all on this machine and offline. Needs
 * `npm run build`. Prints the tables; `--write` also puts them into bench/RESULTS.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs, runsPass } from './args.js';
import { runPairedBench } from './client/paired.js';
import { runClientBench } from './client/run-client.js';
import { describeMachine } from './machine.js';
import { renderResults, writeResults, type BenchReport } from './report.js';
import { runServerBench } from './server/run-server.js';
// @ts-expect-error — a plain .mjs script without type declarations
import { measure } from '../scripts/size.mjs';

const RESULTS = new URL('./RESULTS.md', import.meta.url);
const RAW = new URL('./.tmp/', import.meta.url);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `--load`: the load and fault run (bench/load.ts) with its own options.
  if (argv.includes('--load')) return (await import('./load.js')).runLoadBench(argv.filter((a) => a !== '--load'));
  const options = parseArgs(argv);
  const log = (line: string) => console.error(line);
  const started = performance.now();
  const report: BenchReport = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    machine: describeMachine(),
    loadAverageAtEnd: 0,
    durationS: 0,
  };
  // The server pass needs no build; every other pass reports the built script's size too.
  if (runsPass(options, 'paired') || runsPass(options, 'client')) {
    const size = await measure();
    report.size = { gzip: size.paytool.gzip, min: size.paytool.min, budget: size.paytool.budget.budget, shares: size.paytool.shares };
  }
  if (runsPass(options, 'paired'))
    report.paired = await runPairedBench({
      rounds: options.pairs,
      ...(options.profiles ? { profiles: options.profiles } : {}),
      ...(options.baseline ? { baseline: options.baseline } : {}),
      log,
    });
  if (runsPass(options, 'client')) report.client = await runClientBench({ runs: options.runs, cycles: options.cycles, log });
  if (runsPass(options, 'server'))
    report.server = await runServerBench({
      rounds: options.rounds,
      warmup: options.warmup,
      requests: options.requests,
      ...(options.serverBaseline ? { baseline: options.serverBaseline } : {}),
      log,
    });
  report.loadAverageAtEnd = Math.round(loadavg()[0]! * 100) / 100;
  report.durationS = (performance.now() - started) / 1000;

  const generated = renderResults(report);
  console.log(generated);
  mkdirSync(RAW, { recursive: true });
  writeFileSync(new URL(`bench-${report.date.replace(/:/g, '')}.json`, RAW), JSON.stringify(report, null, 2));
  if (options.write) {
    writeResults(RESULTS, generated);
    log('bench/RESULTS.md updated');
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
