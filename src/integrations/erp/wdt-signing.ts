// Wangdiantong (旺店通) request signing.
import { createHash } from 'node:crypto'

const md5hex = (s: string) => createHash('md5').update(s, 'utf8').digest('hex')
// Lengths count characters (code points), as the official PHP client's iconv_strlen does.
const chars = (s: string) => [...s].length
const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** Classic openapi2: pairs `%02d(len key)-key:%04d(len value)-value` sorted by key, joined by `;`. */
export function wdtClassicPack (params: Record<string, string>): string {
  return Object.keys(params).filter((k) => k !== 'sign').sort()
    .map((k) => `${pad(chars(k), 2)}-${k}:${pad(chars(String(params[k])), 4)}-${params[k]}`).join(';')
}

/** Classic openapi2 sign = md5(packData + appsecret), lower-case hex. */
export function wdtClassicSign (params: Record<string, string>, appSecret: string): string {
  return md5hex(wdtClassicPack(params) + appSecret)
}

/** 旗舰版 sign = md5(secret + Σ(sorted key + value, without sign) + secret), lower-case hex. */
export function wdtQjbSign (params: Record<string, string>, secret: string): string {
  return md5hex(secret + Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => k + params[k]).join('') + secret)
}
