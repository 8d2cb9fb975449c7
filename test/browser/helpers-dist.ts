// The mock-backend helper without importing the elements' sources (see dist.test.ts).
export async function backend(script: Record<string, unknown>) {
  const id = Math.random().toString(36).slice(2);
  await fetch(`/mock/${id}/script`, { method: 'POST', body: JSON.stringify(script) });
  return { endpoint: `/mock/${id}/pay`, log: async () => (await fetch(`/mock/${id}/log`)).json() };
}
