import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Google's pay.js as measured in November 2026: about 100 KB minified, 33 KB gzip. */
export const PAY_JS_TARGET = { bytes: 100_000, gzip: 33_000 };

/** The fake client of paytool-elements/testing as a classic script that installs itself. */
async function bundleInstaller(): Promise<string> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      target: 'es2021',
      minify: true,
      lib: { entry: 'bench/client/stand-in-entry.ts', formats: ['iife'], name: 'benchStandInPayJs', fileName: () => 'pay.js' },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling the pay.js stand-in produced no chunk');
  return chunk.code;
}

/** A small deterministic generator, so every run serves the same bytes. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Minified-looking code that is parsed (and pre-parsed lazily, as most of a real client is) but
 * never run: random short identifiers, numbers and string constants, mixed so that gzip shrinks it
 * about as much as it shrinks pay.js (≈ 3×).
 */
function padding(bytes: number, random: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
  const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
  const words = Array.from({ length: 30 }, () => word(2 + Math.floor(random() * 3)));
  const pick = () => words[Math.floor(random() * words.length)]!;
  const statement = () => {
    switch (Math.floor(random() * 5)) {
      case 0:
        return `var ${pick()}=${pick()}.${pick()}(${pick()},${Math.floor(random() * 1e3)});`;
      case 1:
        return `if(${pick()}&&${pick()}.${pick()})return ${pick()}(${pick()});`;
      case 2:
        return `${pick()}.${pick()}="${pick()}";`;
      case 3:
        return `for(var ${pick()}=0;${pick()}<${pick()}.length;${pick()}++)${pick()}[${pick()}]=${pick()};`;
      default:
        return `return new ${pick()}(${pick()},function(${pick()}){return ${pick()}.${pick()}(${pick()})});`;
    }
  };
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const body = Array.from({ length: 4 + Math.floor(random() * 6) }, statement).join('');
    const part = `_pad.${word(3)}${i}=function(${pick()},${pick()}){${body}};`;
    parts.push(part);
    size += part.length;
  }
  return `(function(){var _pad={};${parts.join('')}})();`;
}

/** The stand-in: the installer plus padding up to pay.js's size; returns the code and its gzip size. */
export async function standInPayJs(): Promise<{ code: string; gzip: number }> {
  const installer = await bundleInstaller();
  const code = `${installer}\n${padding(Math.max(0, PAY_JS_TARGET.bytes - installer.length - 40), prng(42))}\n`;
  return { code, gzip: gzipSync(code, { level: 9 }).length };
}
