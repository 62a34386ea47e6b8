// KAQUAN_TRUST_PROXY through a real reverse proxy: a small Node proxy on 127.0.0.3 that
// appends its caller's address to X-Forwarded-For, as nginx's $proxy_add_x_forwarded_for
// does. Clients on 127.0.0.2 and 127.0.0.4 forge the header; the per-address limit must count
// the client the proxy saw, whatever they forge.
import { createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { loadConfig } from '../config.js'
import type { AppConfig } from '../config.js'
import { redeemFixture } from '../test-support/redeem-fixture.js'

const PROXY_HOST = '127.0.0.3'

async function reverseProxy (t: { teardown (fn: () => unknown): void }, targetPort: number): Promise<number> {
  const server = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ')
    const upstream = request({
      host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, localAddress: PROXY_HOST,
      headers: { ...req.headers, 'x-forwarded-for': forwarded },
    }, (answer) => { res.writeHead(answer.statusCode ?? 502, answer.headers); answer.pipe(res) })
    upstream.on('error', () => { res.writeHead(502); res.end() })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, PROXY_HOST, resolve))
  t.teardown(() => new Promise((resolve) => server.close(resolve)))
  return (server.address() as AddressInfo).port
}

/** A POST from a given loopback address, through the proxy. */
function post (port: number, from: string, path: string, body: object, headers: IncomingHttpHeaders = {}): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const raw = JSON.stringify(body)
    const req = request({ host: PROXY_HOST, port, path, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), ...headers } }, (res) => {
      let text = ''
      res.on('data', (d) => { text += d })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: text ? (JSON.parse(text) as { code?: string }).code : undefined }))
    })
    req.on('error', reject)
    req.end(raw)
  })
}

async function through (t: Parameters<typeof reverseProxy>[0], trustProxy: AppConfig['trustProxy']) {
  const f = await redeemFixture(t, { config: { trustProxy } })
  await f.app.listen({ port: 0, host: '127.0.0.1' })
  const port = await reverseProxy(t, (f.app.server.address() as AddressInfo).port)
  // 25 wrong passwords from 127.0.0.2, each with a fresh forged X-Forwarded-For.
  const answers = []
  for (let n = 0; n < 25; n++) {
    answers.push(await post(port, '127.0.0.2', '/api/v1/redeem/default/verify', { card_no: f.cards[n % 10].card_no, password: `wrong-${n}` }, { 'x-forwarded-for': `198.51.100.${n + 1}` }))
  }
  const neighbour = await post(port, '127.0.0.4', '/api/v1/redeem/default/verify', { card_no: f.cards[15].card_no, password: f.cards[15].password }, { 'x-forwarded-for': '127.0.0.2' })
  const counted = await f.db('guard_counters').where({ kind: 'redeem_addr' }).select('subject', 'hits')
  return { answers, neighbour, counted: Object.fromEntries(counted.filter((r) => Number(r.hits) > 0).map((r) => [r.subject, Number(r.hits)])) }
}

for (const [label, value] of [['the proxy\'s address', PROXY_HOST], ['a list of CIDRs', `${PROXY_HOST}/32, 10.0.0.0/8`], ['a hop count', 1]] as const) {
  t.test(`KAQUAN_TRUST_PROXY as ${label}: the limit sees the real client, a forged header buys nothing`, async (t) => {
    const { answers, neighbour, counted } = await through(t, value)
    t.same(answers.slice(0, 20).map((a) => a.code), Array(20).fill('card_invalid'))
    t.same(answers.slice(20).map((a) => a.code), Array(5).fill('too_many_attempts'), 'the 21st failure from 127.0.0.2 is blocked, forged headers or not')
    t.equal(neighbour.status, 200, 'another client behind the same proxy is not')
    t.same(counted, { '127.0.0.2': 20 }, 'counted against the address the proxy saw; no forged address counted')
  })
}

t.test('without KAQUAN_TRUST_PROXY every client behind the proxy is the proxy, and forged headers are ignored', async (t) => {
  const { answers, neighbour, counted } = await through(t, false)
  t.same(answers.slice(20).map((a) => a.code), Array(5).fill('too_many_attempts'))
  t.equal(neighbour.code, 'too_many_attempts', 'the proxy\'s address is blocked for everyone: set KAQUAN_TRUST_PROXY behind a proxy')
  t.same(Object.keys(counted), [PROXY_HOST])
})

t.test('KAQUAN_TRUST_PROXY=true is refused: it believes whatever a client writes', async (t) => {
  t.throws(() => loadConfig({ KAQUAN_TRUST_PROXY: 'true', KAQUAN_DATA_DIR: t.testdir() }), /KAQUAN_TRUST_PROXY/)
  t.equal(loadConfig({ KAQUAN_TRUST_PROXY: 'loopback, 10.0.0.0/8', KAQUAN_DATA_DIR: t.testdir() }).trustProxy, 'loopback,10.0.0.0/8', 'proxy-addr\'s names are accepted')
})
