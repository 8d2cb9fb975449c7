/**
 * JSON with object keys sorted and `undefined` members dropped: equal for equal values whatever
 * the key order. The element compares `data` by it, the handler and the sandbox hash requests by it
 * (stored hashes depend on its exact text: test/node/body-hash.test.ts pins it). Built by string
 * concatenation, without per-object entry, filter, map and join arrays: the handler runs it on every
 * payment body, token included.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + canonicalJson(value[i]);
    return text + ']';
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let text = '{';
    // The default sort compares UTF-16 code units.
    for (const key of Object.keys(object).sort()) {
      const member = object[key];
      if (member !== undefined) text += (text.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + canonicalJson(member);
    }
    return text + '}';
  }
  return JSON.stringify(value) ?? 'null';
}
