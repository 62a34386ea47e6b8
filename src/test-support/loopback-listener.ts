// For the outbound guard's tests: a real listener on 127.0.0.1 and on [::1] (same port) that
// counts the connections it accepts, and the spellings of loopback an attacker would type.
import { createServer, type Server, type ServerResponse } from 'node:http'

/** WHATWG URL turns the IPv4 spellings into 127.0.0.1; the IPv6 ones stay what they are. */
export const LOOPBACK_HOSTS = [
  '127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '017700000001',
  '127.1', '[64:ff9b::7f00:1]', '[::]', '0.0.0.0', 'localhost',
]

export interface LoopbackListener { port: number; connections (): number; requests (): number; paths: string[] }

export async function loopbackListener (t: { teardown (fn: () => unknown): void }, respond: (res: ServerResponse, path: string, body: string) => void = (res) => res.end('{"secret":"INTERNAL-LISTENER-BODY"}')): Promise<LoopbackListener> {
  let connections = 0
  const paths: string[] = []
  const make = (): Server => {
    const s = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => { paths.push(req.url ?? ''); respond(res, req.url ?? '', Buffer.concat(chunks).toString('utf8')) })
    })
    s.on('connection', () => { connections++ })
    return s
  }
  const listen = (s: Server, port: number, host: string) => new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(port, host, () => resolve()) })
  for (let i = 0; ; i++) {
    const v4 = make()
    await listen(v4, 0, '127.0.0.1')
    const port = (v4.address() as { port: number }).port
    const v6 = make()
    try {
      await listen(v6, port, '::1')
    } catch (err) {
      // That port is taken on ::1: try another pair.
      await new Promise((resolve) => v4.close(resolve))
      if (i < 5) continue
      throw err
    }
    t.teardown(() => Promise.all([v4, v6].map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve) }))))
    return { port, connections: () => connections, requests: () => paths.length, paths }
  }
}
