import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The example imports the package from this repository's build (tsconfig `paths` → ../../dist/npm),
// so Turbopack's root is the repository: lit and zod resolve from its node_modules.
const config: NextConfig = {
  turbopack: { root: fileURLToPath(new URL('../..', import.meta.url)) },
  outputFileTracingRoot: fileURLToPath(new URL('../..', import.meta.url)),
};
export default config;
