/** Runs `run` with what `opening` resolves to, then closes it, whether `run` passed or threw. */
export async function closedAfter<T extends { close(): Promise<unknown> }>(opening: Promise<T>, run: (opened: T) => Promise<void>): Promise<void> {
  const opened = await opening;
  try {
    await run(opened);
  } finally {
    await opened.close();
  }
}
