// The subjects of the address guards, without a database: one key per IPv4 address, per IPv6
// /64 and, above it, per /48; junk shares one key.
import t from 'tap'
import { addressKey, networkKey } from './guards.js'

t.test('address keys', async (t) => {
  t.equal(addressKey('203.0.113.7'), '203.0.113.7', 'IPv4: the address')
  t.equal(addressKey('::ffff:203.0.113.7'), '203.0.113.7', 'IPv4-mapped IPv6 is the IPv4 address')
  t.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64', 'IPv6: its /64')
  t.equal(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64', 'every address of the /64 shares it')
  t.not(addressKey('2001:db8:1:3::1'), addressKey('2001:db8:1:2::1'), 'the next /64 has its own')
  t.equal(addressKey('2001:0DB8:0001:0002::1'), '2001:db8:1:2::/64', 'spellings of one address are one key')
  for (const junk of ['', 'unknown', '1.2.3.4.5', 'x'.repeat(500), '2001:db8::g']) t.equal(addressKey(junk), 'invalid', `junk ${JSON.stringify(junk.slice(0, 12))}`)
})

t.test('network keys', async (t) => {
  t.equal(networkKey('2001:db8:1:2::1'), '2001:db8:1::/48')
  t.equal(networkKey('2001:db8:1:ffff::1'), '2001:db8:1::/48', 'all 65,536 /64s of a /48 share it')
  t.equal(networkKey('203.0.113.7'), null, 'IPv4 callers have none')
  t.equal(networkKey('::ffff:203.0.113.7'), null, 'nor IPv4-mapped ones')
  t.equal(networkKey('junk'), null)
})
