/**
 * A copy of a call's argument for `calls`, so a test sees the request as it was when the call was
 * made. Plain objects and arrays are copied deeply; functions and other objects (DOM nodes such as
 * `buttonRootNode`) are kept as they are, since they cannot be cloned meaningfully.
 */
export function snapshot<T>(value: T): T {
  if (Array.isArray(value)) return value.map(snapshot) as T;
  if (typeof value !== 'object' || value === null) return value;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, snapshot(item)])) as T;
}
