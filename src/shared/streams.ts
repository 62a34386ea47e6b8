// Reading a whole stream into memory, with a ceiling.

/** The stream's bytes; `tooLarge()` is thrown as soon as more than `limit` bytes have arrived. */
export async function readAtMost (stream: NodeJS.ReadableStream | AsyncIterable<Buffer>, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw tooLarge()
    chunks.push(chunk)
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
}
