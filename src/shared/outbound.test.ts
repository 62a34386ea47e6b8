import t from 'tap'
import { createServer } from 'node:http'
import type { LookupFunction } from 'node:net'
import { LOOPBACK_HOSTS, loopbackListener } from '../test-support/loopback-listener.js'
import { createOutbound, OutboundError, refusedRange, vendorReason } from './outbound.js'

// Every range an outbound call must never reach, one address each, and the public ones it may.
const REFUSED: Array<[string, string]> = [
  ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'],
  ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['::1', 'loopback'],
  ['169.254.169.254', 'link-local (cloud metadata)'], ['fe80::1', 'IPv6 link-local'],
  ['100.64.0.1', 'CGNAT 100.64/10'], ['100.127.255.254', 'CGNAT upper end'],
  ['198.18.0.1', 'benchmark 198.18/15'], ['198.19.255.255', 'benchmark upper end'],
  ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'], ['ff02::1', 'IPv6 multicast'],
  ['255.255.255.255', 'broadcast'], ['240.0.0.1', 'reserved 240/4'], ['192.0.0.8', 'IETF 192.0.0/24'], ['192.0.2.1', 'documentation'],
  ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'this network 0/8'], ['::', 'IPv6 unspecified'],
  ['fc00::1', 'unique-local fc00::/7'], ['fd12:3456::1', 'unique-local fd00::/8'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'], ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'], ['::ffff:10.0.0.1', 'IPv4-mapped private'], ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback'], ['64:ff9b::a00:1', 'NAT64 of private'], ['64:ff9b:1::1', 'NAT64 local-use 64:ff9b:1::/48'],
  ['2002:7f00:1::1', '6to4'], ['2002:808:808::1', '6to4 of a public address'], ['2001:0:4136:e378::1', 'Teredo'],
  ['2001:db8::1', 'IPv6 documentation'], ['::ffff:0:7f00:1', 'IPv4-translated (RFC 6145)'],
  ['::7f00:1', 'IPv4-compatible loopback (deprecated ::/96)'], ['::a00:1', 'IPv4-compatible private'], ['::808:808', 'IPv4-compatible, even of a public address'],
  ['not-an-ip', 'not an address'],
]
const ALLOWED = ['8.8.8.8', '1.1.1.1', '47.92.239.46', '2001:4860:4860::8888', '2400:3200::1', '::ffff:8.8.8.8', '64:ff9b::808:808']

async function failure (p: Promise<unknown>): Promise<OutboundError> {
  try { await p } catch (err) { if (err instanceof OutboundError) return err; throw err }
  throw new Error('expected the call to fail')
}

t.test('range table: every non-public range is refused, public unicast is allowed', async (t) => {
  for (const [address, what] of REFUSED) t.not(refusedRange(address), null, `${address} (${what}) refused`)
  for (const address of ALLOWED) t.equal(refusedRange(address), null, `${address} allowed`)
  t.not(refusedRange('[::1]'), null, 'brackets as in a URL host')
})

t.test('the strict client never connects to loopback, whatever the spelling, by name or literal', async (t) => {
  const l = await loopbackListener(t)
  const strict = createOutbound({ allowPrivate: false })
  for (const host of LOOPBACK_HOSTS) {
    for (const scheme of ['http', 'https']) {
      const url = `${scheme}://${host}:${l.port}/x`
      const e = await failure(strict.request(url, { method: 'POST', body: '{}' }))
      t.ok(e.reason === 'refused' && e.final, `${url} refused`)
      t.notMatch(e.message, /127\.0\.0\.1|::1|7f00/, 'the reason never names the address')
    }
  }
  t.equal(l.connections(), 0, 'the listener accepted no connection')

  // A name that resolves to loopback, as DNS rebinding or a hostile zone would answer.
  const rebinding: LookupFunction = ((_host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    if (opts.all) cb(null, [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }])
    else cb(null, '127.0.0.1', 4)
  }) as never
  const strictRebound = createOutbound({ allowPrivate: false, lookup: rebinding })
  for (const url of [`http://dysmsapi.aliyuncs.com:${l.port}/`, `https://api.wangdian.cn:${l.port}/openapi2/`]) {
    t.equal((await failure(strictRebound.request(url, { method: 'GET' }))).reason, 'refused', `${url} resolving to loopback is refused`)
  }
  t.equal(l.connections(), 0, 'still no connection')

  // The same listener is reachable when the operator allows private addresses: the 0 above means something.
  const open = createOutbound({ allowPrivate: true })
  const res = await open.request(`http://[::1]:${l.port}/x`, { method: 'GET' })
  t.equal(res.status, 200)
  t.equal(l.connections(), 1)
})

t.test('redirects are not followed, answers are read up to the cap, timeouts and network errors are named without the address', async (t) => {
  const l = await loopbackListener(t, (res, path) => {
    if (path === '/redirect') { res.statusCode = 302; res.setHeader('location', 'http://169.254.169.254/latest/meta-data/'); res.end(); return }
    if (path === '/slow') { setTimeout(() => res.end('late'), 2_000); return }
    res.end('x'.repeat(300_000))
  })
  const client = createOutbound({ allowPrivate: true })
  const redirect = await client.request(`http://127.0.0.1:${l.port}/redirect`, { method: 'GET' })
  t.equal(redirect.status, 302, 'the 302 is the answer')
  t.equal(l.requests(), 1, 'the Location was not requested')

  const big = await client.request(`http://127.0.0.1:${l.port}/big`, { method: 'GET', maxBytes: 1000 })
  t.equal(big.body.length, 1000)
  t.equal(big.truncated, true)

  const slow = await failure(client.request(`http://127.0.0.1:${l.port}/slow`, { method: 'GET', timeoutMs: 200 }))
  t.same([slow.reason, slow.final], ['timeout', false], 'a timeout is worth a retry')
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as { port: number }).port
  await new Promise((resolve) => closed.close(resolve))
  const refused = await failure(client.request(`http://127.0.0.1:${port}/`, { method: 'GET' }))
  t.equal(refused.message, 'network: ECONNREFUSED', 'the code, not "connect ECONNREFUSED 127.0.0.1:…"')
  t.equal(refused.final, false, 'worth a retry')
})

t.test('a vendor reason is one line of at most 200 characters', async (t) => {
  t.equal(vendorReason('isv.INVALID', '签名不合法'), 'isv.INVALID: 签名不合法')
  t.equal(vendorReason(1090, undefined), '1090: ')
  const long = vendorReason('X', `line1\nline2 ${'y'.repeat(5000)}`)
  t.equal(long.length, 200)
  t.notMatch(long, /\n/)
})
