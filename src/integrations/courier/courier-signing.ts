// Courier request signing: SF Express (丰桥) msgDigest and Kuaidi100 signs.
import { createHash } from 'node:crypto'

// Which encoding SF's server expects: its own (Java). The 丰桥 signing document defines
// msgDigest = Base64(MD5(URLEncoder.encode(msgData + timestamp + checkWord, "UTF-8"))) and SF's
// Java SDK computes exactly that; the A1006 (数字签名无效) checklist of every API page says
// "非java类语言，需注意特殊字符，目前支持的特殊字符“*”，“空格”，“-”请优先使用": the characters
// URLEncoder leaves alone (* -) or writes as + (space). SF's Python demo (callExpressRequest.py)
// uses urllib's quote_plus, which writes * as %2A and leaves ~ bare: its digest differs from the
// server's for any msgData with * or ~ (an address like "A*座~3"), so it is not followed here.
// https://open.sf-express.com/developSupport/976720 (数字签名认证说明),
// https://open.sf-express.com/Api/ApiDetails?apiServiceCode=EXP_RECE_CREATE_ORDER (3.1, A1006).

/** Java's URLEncoder.encode(s, "UTF-8"): A-Z a-z 0-9 . - * _ kept, space → +, other bytes %XX. */
export function javaUrlEncode (s: string): string {
  let out = ''
  for (const b of Buffer.from(s, 'utf8')) {
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2e || b === 0x2d || b === 0x2a || b === 0x5f) out += String.fromCharCode(b)
    else if (b === 0x20) out += '+'
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/**
 * An application/x-www-form-urlencoded body as Java's URLEncoder writes it (SF's Java SDK sends
 * its form this way): the bytes on the wire are the same encoding the digest was taken over.
 */
export function javaFormEncode (fields: Record<string, string>): string {
  return Object.entries(fields).map(([k, v]) => `${javaUrlEncode(k)}=${javaUrlEncode(v)}`).join('&')
}

/** SF msgDigest = Base64(MD5(URLEncoder.encode(msgData + timestamp + checkWord, "UTF-8"))). */
export function sfMsgDigest (msgData: string, timestamp: string, checkWord: string): string {
  return createHash('md5').update(javaUrlEncode(msgData + timestamp + checkWord), 'utf8').digest('base64')
}

const md5upper = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase()

/** Kuaidi100 e-waybill / order: MD5(param + t + key + secret), upper case. */
export function kuaidi100PrintSign (param: string, t: string, key: string, secret: string): string {
  return md5upper(param + t + key + secret)
}

/** Kuaidi100 query: MD5(param + key + customer), upper case. */
export function kuaidi100QuerySign (param: string, key: string, customer: string): string {
  return md5upper(param + key + customer)
}

/** Kuaidi100 tracking push check: MD5(param + salt), upper case. */
export function kuaidi100PushSign (param: string, salt: string): string {
  return md5upper(param + salt)
}
