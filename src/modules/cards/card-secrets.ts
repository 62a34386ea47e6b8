// Card passwords: generation, the verification hash and the encrypted copy (双密码保存).
import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'

// No look-alike letters (I, O) and, for mixed sets, no 0/1: printed cards are read by people.
export const PASSWORD_CHARSETS = {
  digits: '0123456789',
  letters: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  alnum: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789',
} as const
export type PasswordCharset = keyof typeof PASSWORD_CHARSETS

/**
 * Random characters from a CSPRNG drawn in large blocks (one randomBytes call serves
 * thousands of passwords); bytes at or above the largest multiple of the alphabet size are
 * skipped, so there is no modulo bias.
 */
export class RandomSource {
  private pool = Buffer.alloc(0)
  private pos = 0
  constructor (private readonly blockSize = 64 * 1024) {}

  bytes (n: number): Buffer {
    if (this.pos + n > this.pool.length) {
      this.pool = randomBytes(Math.max(this.blockSize, n))
      this.pos = 0
    }
    const out = this.pool.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  string (length: number, alphabet: string): string {
    const n = alphabet.length
    const limit = 256 - (256 % n)
    let out = ''
    while (out.length < length) {
      if (this.pos >= this.pool.length) {
        this.pool = randomBytes(this.blockSize)
        this.pos = 0
      }
      const b = this.pool[this.pos++]
      if (b < limit) out += alphabet[b % n]
    }
    return out
  }
}

/** HMAC-SHA256 keyed with the merchant's pepper over card_no + password, hex. */
export function cardPasswordHash (pepper: Buffer | KeyObject, cardNo: string, password: string): string {
  return createHmac('sha256', pepper).update(cardNo + password).digest('hex')
}

/** The merchant's key for the encrypted password copies, derived from the master key. */
export function cardPasswordKey (masterKey: Buffer, merchantId: number): Buffer {
  return deriveKey(masterKey, `card-password:${merchantId}`)
}

export function encryptCardPassword (key: Buffer, cardNo: string, password: string, iv?: Buffer): string {
  return encrypt(key, password, cardNo, iv)
}

export function decryptCardPassword (key: Buffer, cardNo: string, enc: string): string {
  return decrypt(key, enc, cardNo).toString('utf8')
}

export interface SealRequest {
  pepper: Buffer
  key: Buffer
  charset: PasswordCharset
  length: number
  cardNos: string[]
  /** Only for imports: the passwords to store instead of generating new ones. */
  passwords?: string[]
}

export interface Sealed { hashes: string[]; encs: string[] }

/** New passwords for these cards, returned only as hash + encrypted copy. */
export function sealCards (req: SealRequest, random = new RandomSource()): Sealed {
  const alphabet = PASSWORD_CHARSETS[req.charset]
  // A key object for the HMAC saves re-importing the pepper per card; AES-GCM measured
  // faster with the raw key.
  const pepper = createSecretKey(req.pepper)
  const key = req.key
  const hashes: string[] = new Array(req.cardNos.length)
  const encs: string[] = new Array(req.cardNos.length)
  for (let i = 0; i < req.cardNos.length; i++) {
    const cardNo = req.cardNos[i]
    const password = req.passwords ? req.passwords[i] : random.string(req.length, alphabet)
    hashes[i] = cardPasswordHash(pepper, cardNo, password)
    encs[i] = encrypt(key, password, cardNo, random.bytes(12))
  }
  return { hashes, encs }
}
