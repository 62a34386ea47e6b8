// The one HTTP client for every call that leaves the building (webhooks and every vendor
// adapter). got with its own retries off (the outbox owns retries), redirects off, a timeout
// and a cap on how much of an answer is read. The address is checked when the socket connects:
// after DNS for names (so the request goes to exactly the address that was checked) and before
// connecting for IP literals, which net.connect never passes through the lookup function.
import dns, { type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net, { type LookupFunction } from 'node:net'
import type { Duplex } from 'node:stream'
import got from 'got'
import ipaddr from 'ipaddr.js'

const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_MAX_BYTES = 1024 * 1024
const REFUSED_CODE = 'ERR_OUTBOUND_ADDRESS_REFUSED'

// NAT64's well-known prefix (RFC 6052) carries an IPv4 address in its last 32 bits.
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96')
// IPv4-compatible IPv6 (::a.b.c.d, deprecated by RFC 4291) still reaches IPv4 over old tunnels;
// ipaddr.js calls most of it unicast. Nothing public lives there.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96')

function v4Range (v4: ipaddr.IPv4): string | null {
  const range = v4.range()
  return range === 'unicast' ? null : range
}

/**
 * The range an address belongs to when no outbound call may go there, null for a public
 * unicast address. Everything ipaddr.js does not call 'unicast' is refused: private,
 * loopback, link-local, CGNAT, benchmarking, documentation, multicast, broadcast,
 * unspecified, unique-local, 6to4, Teredo and the other special IPv6 ranges. An IPv4 address
 * carried in IPv6 (::ffff:a.b.c.d, or NAT64's 64:ff9b::a.b.c.d) is judged as that IPv4
 * address, so ::ffff:127.0.0.1 is loopback while an IPv6-only network behind NAT64 can still
 * reach public hosts.
 */
export function refusedRange (address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, ''))
  } catch {
    return 'invalid'
  }
  if (ip.kind() === 'ipv4') return v4Range(ip as ipaddr.IPv4)
  const v6 = ip as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return v4Range(v6.toIPv4Address())
  if (v6.match(NAT64)) {
    const [a, b] = v6.parts.slice(6)
    const inner = v4Range(new ipaddr.IPv4([a >> 8, a & 0xff, b >> 8, b & 0xff]))
    return inner === null ? null : `rfc6052 (${inner})`
  }
  if (v6.match(IPV4_COMPATIBLE)) return 'ipv4Compatible'
  const range = v6.range()
  return range === 'unicast' ? null : range
}

/** The socket-level refusal; it never names the address (it may be shown to a merchant). */
function refusal (): Error {
  return Object.assign(new Error('the address is not a public one'), { code: REFUSED_CODE })
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/** Resolves every address of a name and refuses the name when any of them is not public. */
function guardLookup (lookup: LookupFunction): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, ((err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0)
      // One private answer among public ones is enough to refuse: Happy Eyeballs may pick any.
      if (addresses.length === 0 || addresses.some((a) => refusedRange(a.address) !== null)) return callback(refusal(), '', 0)
      if (options.all) return callback(null, addresses)
      return callback(null, addresses[0].address, addresses[0].family)
    }) as never)
  }) as LookupFunction
}

interface GuardOptions { allowPrivate: boolean; lookup?: LookupFunction }

type ConnectOptions = http.ClientRequestArgs & { lookup?: LookupFunction }
type ConnectCallback = (err: Error | null, stream: Duplex) => void

function connectOptions (options: ConnectOptions, guard: GuardOptions): ConnectOptions | Error {
  const lookup = options.lookup ?? guard.lookup ?? dns.lookup
  if (guard.allowPrivate) return { ...options, lookup }
  // A unix socket never leads to a vendor or a webhook receiver.
  if (options.socketPath) return refusal()
  const host = String(options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '')
  if (net.isIP(host) !== 0 && refusedRange(host) !== null) return refusal()
  return { ...options, lookup: guardLookup(lookup) }
}

function refuse (err: Error, callback?: ConnectCallback): Duplex | undefined {
  if (callback) { callback(err, undefined as never); return undefined }
  const socket = new net.Socket()
  process.nextTick(() => socket.destroy(err))
  return socket
}

class GuardedHttpAgent extends http.Agent {
  constructor (private readonly guard: GuardOptions) { super() }
  override createConnection (options: ConnectOptions, callback?: ConnectCallback): Duplex | null | undefined {
    const checked = connectOptions(options, this.guard)
    return checked instanceof Error ? refuse(checked, callback) : super.createConnection(checked, callback)
  }
}

class GuardedHttpsAgent extends https.Agent {
  constructor (private readonly guard: GuardOptions) { super() }
  override createConnection (options: ConnectOptions, callback?: ConnectCallback): Duplex | null | undefined {
    const checked = connectOptions(options, this.guard)
    return checked instanceof Error ? refuse(checked, callback) : super.createConnection(checked, callback)
  }
}

/**
 * Why a call did not get an answer. `final` ones are never worth a retry: the address was
 * refused at connect time, or the endpoint is not one the operator allows. Messages are safe
 * to store and show: a code and a reason, never an address or a body.
 */
export class OutboundError extends Error {
  constructor (readonly reason: 'refused' | 'not_allowed' | 'timeout' | 'network', message: string, readonly code: string) {
    super(message)
    this.name = 'OutboundError'
  }

  get final (): boolean { return this.reason === 'refused' || this.reason === 'not_allowed' }
}

export const addressRefused = () => new OutboundError('refused', 'address_refused: 目标地址不是公网地址，已拒绝连接', REFUSED_CODE)
export const endpointRefused = () => new OutboundError('not_allowed', 'endpoint_not_allowed: 接口地址不在允许的范围内，未发出请求', 'ERR_OUTBOUND_NOT_ALLOWED')

export interface OutboundRequest {
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  form?: Record<string, string>
  searchParams?: Record<string, string>
  timeoutMs?: number
  /** At most this many bytes of the answer are read; the rest is dropped (default 1 MiB). */
  maxBytes?: number
}

export interface OutboundResponse {
  status: number
  /** The answer as UTF-8 text. */
  body: string
  /** The same answer unchanged (a PDF, an image). */
  bytes: Buffer
  truncated: boolean
  /** The answer's headers, names in lower case (Node's). */
  headers: Record<string, string | string[] | undefined>
}

export interface Outbound { request (url: string | URL, req: OutboundRequest): Promise<OutboundResponse> }

/**
 * A client for one policy. `allowPrivate` lets calls reach any address (the operator's
 * KAQUAN_ALLOW_PRIVATE_WEBHOOKS / KAQUAN_ALLOW_PRIVATE_VENDORS); `lookup` replaces DNS (tests).
 */
export function createOutbound (guard: GuardOptions): Outbound {
  const agent = { http: new GuardedHttpAgent(guard), https: new GuardedHttpsAgent(guard) }
  return {
    async request (url, req) {
      const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES
      let status = 0
      let headers: OutboundResponse['headers'] = {}
      const chunks: Buffer[] = []
      let size = 0
      let truncated = false
      try {
        const stream = got.stream(url, {
          method: req.method, headers: req.headers, searchParams: req.searchParams,
          ...(req.form ? { form: req.form } : req.method === 'POST' ? { body: req.body ?? '' } : {}),
          agent, timeout: { request: req.timeoutMs ?? DEFAULT_TIMEOUT_MS }, retry: { limit: 0 }, followRedirect: false,
          throwHttpErrors: false, enableUnixSockets: false, decompress: true,
        })
        stream.on('response', (res: { statusCode: number; headers: OutboundResponse['headers'] }) => { status = res.statusCode; headers = res.headers })
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (size + chunk.length > maxBytes) {
            chunks.push(chunk.subarray(0, maxBytes - size))
            truncated = true
            stream.destroy()
            break
          }
          chunks.push(chunk)
          size += chunk.length
        }
      } catch (err) {
        const code = String((err as { code?: string }).code ?? 'ERR_NETWORK')
        if (code === REFUSED_CODE) throw addressRefused()
        if (code === 'ETIMEDOUT') throw new OutboundError('timeout', 'timeout', code)
        // The code only: a network error's message names the address it tried.
        throw new OutboundError('network', `network: ${code}`, code)
      }
      const bytes = Buffer.concat(chunks)
      return { status, body: bytes.toString('utf8'), bytes, truncated, headers }
    },
  }
}

/**
 * A Retry-After header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) as milliseconds from
 * `now`; null when absent or not understood.
 */
export function parseRetryAfter (value: string | string[] | undefined, now: number): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!v) return null
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : /[a-z]/i.test(v) ? Date.parse(v) - now : NaN
  if (!Number.isFinite(ms)) return null
  return Math.max(0, ms)
}

/** How much of a failure reason is stored and shown to a merchant. */
export const REASON_CHARS = 200

/** A vendor's parsed code and message as stored and shown to a merchant: one line, bounded. */
export function vendorReason (code: unknown, message: unknown, max = REASON_CHARS): string {
  const text = `${String(code ?? '')}: ${String(message ?? '')}`.replace(/[\u0000-\u001f\u007f]+/g, ' ')
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
