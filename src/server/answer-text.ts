/**
 * The text of answers the handler built itself (complete JSON, never a stream), by `Response`:
 * `toNodeListener` writes it in one call instead of reading the body stream back chunk by chunk.
 * Any other `Response` (a stream that may never end, say) is written as it comes.
 */
export const answerTexts = new WeakMap<Response, string>();
