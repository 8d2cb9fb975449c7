import type { FieldIssue } from '../protocol/index.js';

/**
 * Structural limits `JSON.parse` does not enforce. A duplicate key is refused because parsers
 * disagree on which value wins (`{"amount":1,"amount":1000}` is 1000 here but 1 to a proxy or a
 * log that keeps the first); deep nesting because it overflows recursive code downstream.
 * Runs on text that `JSON.parse` already accepted, without recursion; names the field.
 */
export function jsonStructureProblem(text: string, maxDepth = 32): FieldIssue | undefined {
  // Per open container: its keys so far (null for an array) and the key being read.
  const open: Array<{ keys: Set<string> | null; key?: string }> = [];
  const path = () =>
    open
      .map((c) => c.key)
      .filter((k) => k !== undefined)
      .join('.');
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = open[open.length - 1];
      if (top?.keys && expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.key = key;
        if (top.keys.has(key)) return { path: path(), message: 'appears twice in the body' };
        top.keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      if (open.length >= maxDepth) return { path: path(), message: `is nested deeper than ${maxDepth} levels` };
      open.push({ keys: c === '{' ? new Set() : null });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      open.pop();
    } else if (c === ',') {
      expectKey = open[open.length - 1]?.keys != null;
    }
  }
  return undefined;
}
