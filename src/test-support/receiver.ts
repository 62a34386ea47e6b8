import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'

export interface Received { headers: IncomingHttpHeaders; body: string; at: number }

/** A local webhook receiver; `respond` decides each answer (status, optional delay, body and headers). */
export async function startReceiver (t: { teardown (fn: () => unknown): void }, respond: (r: Received, n: number) => { status: number; delayMs?: number; body?: string; headers?: Record<string, string> } = () => ({ status: 200 })) {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() }
      received.push(r)
      const answer = respond(r, received.length)
      const send = () => {
        res.statusCode = answer.status
        for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v)
        res.end(answer.body ?? 'ok')
      }
      if (answer.delayMs) setTimeout(send, answer.delayMs)
      else send()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  const address = server.address() as { port: number }
  return { url: `http://127.0.0.1:${address.port}/hook`, received, server }
}
