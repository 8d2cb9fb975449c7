/**
 * A gateway receiving Google Pay tokens refuses a message it has already used: each decrypted
 * message carries a `messageId`, and a token replayed for another payment is refused. The
 * sandboxes keep the ids they have seen per emulator (for its lifetime, which outlives any token).
 */

const used = new WeakMap<object, Map<string, string>>();

/**
 * Records `messageId` as used by `owner` (the payment it paid) in `emulator`'s memory. False when
 * another owner used it already; the same owner again (an identical retry) is fine.
 */
export function claimMessageId(emulator: object, messageId: string, owner: string): boolean {
  let ids = used.get(emulator);
  if (!ids) used.set(emulator, (ids = new Map()));
  const first = ids.get(messageId);
  if (first !== undefined) return first === owner;
  ids.set(messageId, owner);
  return true;
}

/** `messageId` of a decrypted Google Pay message, when it has one. */
export function messageIdOf(payload: unknown): string | undefined {
  const id = (payload as { messageId?: unknown } | null)?.messageId;
  return typeof id === 'string' && id ? id : undefined;
}
