// IP allowlists (open-platform apps, SF route pushes), matched with ipaddr.js. Outbound address
// checks live in shared/outbound.ts.
import ipaddr from 'ipaddr.js'

type Address = ipaddr.IPv4 | ipaddr.IPv6

/** Parses an address; an IPv4-mapped IPv6 address (::ffff:1.2.3.4) becomes its IPv4 form. */
function address (raw: string): Address | null {
  const text = raw.trim()
  // Only the dotted four-part form for IPv4: ipaddr.js would also read "10.1" or "0x0a000001".
  if (!ipaddr.IPv6.isValid(text) && !ipaddr.IPv4.isValidFourPartDecimal(text)) return null
  try { return ipaddr.process(text) } catch { return null }
}

/** An entry, `address` or `address/prefix`; an IPv4-mapped range (::ffff:10.0.0.0/104) as its IPv4 range. */
function range (cidr: string): [Address, number] | null {
  const [net, prefixRaw, extra] = cidr.trim().split('/')
  if (extra !== undefined) return null
  const ip = address(net)
  if (!ip) return null
  const max = ip.kind() === 'ipv4' ? 32 : 128
  if (prefixRaw === undefined) return [ip, max]
  if (!/^\d{1,3}$/.test(prefixRaw)) return null
  let prefix = Number(prefixRaw)
  // `address` turned a mapped network into IPv4: its prefix counts from bit 96.
  if (ip.kind() === 'ipv4' && ipaddr.IPv6.isValid(net.trim())) prefix -= 96
  return prefix >= 0 && prefix <= max ? [ip, prefix] : null
}

/** Is `ip` inside `cidr` (an address or address/prefix)? IPv4 clients seen as ::ffff:a.b.c.d match IPv4 entries. */
export function inCidr (ipRaw: string, cidr: string): boolean {
  const ip = address(ipRaw)
  const r = range(cidr)
  if (!ip || !r || ip.kind() !== r[0].kind()) return false
  return ip.match(r)
}
