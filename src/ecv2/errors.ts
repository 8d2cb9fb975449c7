/** Which ECv2 check failed. */
export type GooglePayTokenFailure =
  /** The token or one of its inner JSON strings lacks a field or has the wrong type. */
  | 'MALFORMED_TOKEN'
  /** `protocolVersion` is not `ECv2`. */
  | 'UNSUPPORTED_PROTOCOL'
  /** Every root key given is expired or for another protocol version. */
  | 'NO_ROOT_KEY'
  /** No signature of the intermediate signing key verifies with any usable root key. */
  | 'INTERMEDIATE_KEY_SIGNATURE_INVALID'
  | 'INTERMEDIATE_KEY_EXPIRED'
  /** The message signature does not verify for this recipient with the intermediate key. */
  | 'MESSAGE_SIGNATURE_INVALID'
  /** No private key yields the token's HMAC tag (wrong key, or the ciphertext was altered). */
  | 'TAG_MISMATCH'
  | 'MESSAGE_EXPIRED'
  /** The recipient's own options (`recipientId`, `privateKeys`, `rootKeys`) are unusable. */
  | 'BAD_CONFIGURATION';

/**
 * A Google Pay token failed a check. The message names the check and never contains key material
 * or decrypted data.
 */
export class GooglePayTokenError extends Error {
  override readonly name = 'GooglePayTokenError';

  constructor(
    readonly reason: GooglePayTokenFailure,
    message: string,
  ) {
    super(`ECv2: ${message}`);
  }
}
