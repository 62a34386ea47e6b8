import t from 'tap'
import { inCidr } from './ip.js'

t.test('allowlist entries: addresses and ranges, IPv4 and IPv6', async (t) => {
  t.ok(inCidr('203.0.113.7', '203.0.113.7'))
  t.ok(inCidr('203.0.113.7', '203.0.113.0/24'))
  t.notOk(inCidr('203.0.114.7', '203.0.113.0/24'))
  t.ok(inCidr('10.9.8.7', '0.0.0.0/0'))
  t.ok(inCidr('2001:db8::5', '2001:db8::/32'))
  t.notOk(inCidr('2001:db9::5', '2001:db8::/32'))
  t.ok(inCidr('2001:db8:0:0:0:0:0:5', '2001:db8::5'), 'IPv6 spelt out or compressed')
  t.notOk(inCidr('203.0.113.7', '2001:db8::/32'), 'families never match each other')
})

t.test('an IPv4 client seen through a dual-stack socket (::ffff:a.b.c.d) matches IPv4 entries', async (t) => {
  t.ok(inCidr('::ffff:203.0.113.7', '203.0.113.0/24'))
  t.ok(inCidr('::ffff:cb00:7107', '203.0.113.7'), 'the hex spelling too')
  t.ok(inCidr('203.0.113.7', '::ffff:203.0.113.0/120'), 'a mapped entry matches as its IPv4 range')
  t.notOk(inCidr('::ffff:203.0.114.7', '203.0.113.0/24'))
})

t.test('malformed entries or addresses match nothing', async (t) => {
  for (const entry of ['', 'nonsense', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/8/8', '10.1', '0x0a000001', '2001:db8::/129', '10.0.0.0/abc']) {
    t.notOk(inCidr('10.0.0.1', entry), `entry "${entry}"`)
  }
  t.notOk(inCidr('not-an-ip', '0.0.0.0/0'))
  t.notOk(inCidr('', '0.0.0.0/0'))
})
