#!/usr/bin/env node
/**
 * The package's command, `npx paytool-elements <command>` (package.json `bin`). Commands:
 * `sandbox` — both gateway emulators on a local port (see src/sandbox/cli.ts).
 */
const USAGE = `Usage: npx paytool-elements <command>

Commands:
  sandbox [--port 4010] [--host 127.0.0.1]   local emulators of the Fenige and Feennex APIs
                                             (public test credentials; Ctrl-C stops)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'sandbox') {
    const { runSandboxCli } = await import('./sandbox/cli.js');
    await runSandboxCli(args);
    return 0;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  console.error(`paytool-elements: unknown command "${command}"\n\n${USAGE}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`paytool-elements: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
