import { isIPv4, isIPv6 } from 'node:net'

function v4ToBigInt (ip: string): bigint {
  return ip.split('.').reduce((acc, o) => (acc << 8n) + BigInt(Number(o)), 0n)
}

function v6ToBigInt (ip: string): bigint {
  let [head, tail] = ip.split('::') as [string, string | undefined]
  const h = head ? head.split(':') : []
  const t = tail !== undefined && tail !== '' ? tail.split(':') : []
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (parts: string[]) => parts.flatMap((p) => (p.includes('.') ? [(Number(v4ToBigInt(p) >> 16n)).toString(16), (Number(v4ToBigInt(p) & 0xffffn)).toString(16)] : [p]))
  const hh = expand(h)
  const tt = expand(t)
  const groups = tail === undefined ? hh : [...hh, ...Array(8 - hh.length - tt.length).fill('0'), ...tt]
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n)
}

/** Normalises IPv4-mapped IPv6 (::ffff:1.2.3.4) to IPv4. */
export function normaliseIp (ip: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  return m ? m[1] : ip
}

/** Is `ip` inside `cidr` (an address or address/prefix)? */
export function inCidr (ipRaw: string, cidr: string): boolean {
  const ip = normaliseIp(ipRaw)
  const [net, prefixRaw] = cidr.split('/')
  if (isIPv4(ip) && isIPv4(net)) {
    const prefix = prefixRaw === undefined ? 32 : Number(prefixRaw)
    const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n)
    return (v4ToBigInt(ip) & mask) === (v4ToBigInt(net) & mask)
  }
  if (isIPv6(ip) && isIPv6(net)) {
    const prefix = prefixRaw === undefined ? 128 : Number(prefixRaw)
    const mask = prefix === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n)
    return (v6ToBigInt(ip) & mask) === (v6ToBigInt(net) & mask)
  }
  return false
}

const PRIVATE_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4']
const PRIVATE_V6 = ['::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8', '64:ff9b::/96']

/** Private, loopback, link-local, multicast or reserved: never a webhook target. */
export function isPrivateAddress (ipRaw: string): boolean {
  const ip = normaliseIp(ipRaw)
  if (isIPv4(ip)) return PRIVATE_V4.some((c) => inCidr(ip, c))
  if (isIPv6(ip)) return PRIVATE_V6.some((c) => inCidr(ip, c))
  return true
}
