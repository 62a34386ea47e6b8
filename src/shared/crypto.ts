// Key derivation, authenticated encryption and password hashing, all from node:crypto.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt, timingSafeEqual, createHash, createHmac, webcrypto, type KeyObject } from 'node:crypto'

/** A 32-byte key for one purpose, derived from the master key (HKDF-SHA256). */
export function deriveKey (masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `kaquan:${purpose}`, 32))
}

/**
 * The key imported once as a WebCrypto HMAC key for jose's HS256: raw bytes or a KeyObject
 * would be imported again on every sign and verify.
 */
export function hmacKey (key: Buffer): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])
}

const ENC_VERSION = 1

/**
 * AES-256-GCM; the output is base64 of version(1) | iv(12) | tag(16) | ciphertext.
 * `aad` binds the ciphertext to its owner (a card number, a merchant id): moved elsewhere it
 * no longer decrypts. Bulk callers may pass 12-byte IVs cut from one large random block.
 */
export function encrypt (key: Buffer | KeyObject, plaintext: string | Buffer, aad: string, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([Buffer.from([ENC_VERSION]), iv, cipher.getAuthTag(), ct]).toString('base64')
}

export function decrypt (key: Buffer, encoded: string, aad: string): Buffer {
  const raw = Buffer.from(encoded, 'base64')
  if (raw.length < 29 || raw[0] !== ENC_VERSION) throw new Error('unsupported ciphertext')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 13))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(raw.subarray(13, 29))
  return Buffer.concat([decipher.update(raw.subarray(29)), decipher.final()])
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 }

function scryptAsync (password: string, salt: Buffer, params = SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 }, (err, key) => {
      if (err) reject(err)
      else resolve(key)
    })
  })
}

/** `scrypt$N$r$p$salt$hash`, per-user random salt. */
export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(password, salt)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), keylen: expected.length })
  return timingSafeEqual(actual, expected)
}

export function sha256Hex (data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export function hmacSha256 (key: Buffer | string, data: string | Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest()
}

export function safeEqual (a: string | Buffer, b: string | Buffer): boolean {
  const ab = Buffer.isBuffer(a) ? a : Buffer.from(a)
  const bb = Buffer.isBuffer(b) ? b : Buffer.from(b)
  if (ab.length !== bb.length) {
    timingSafeEqual(ab, ab)
    return false
  }
  return timingSafeEqual(ab, bb)
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * `length` characters drawn uniformly from `alphabet` with a CSPRNG: bytes at or above the
 * largest multiple of the alphabet size are thrown away, so there is no modulo bias.
 */
export function randomString (length: number, alphabet: string = BASE62): string {
  const n = alphabet.length
  const limit = 256 - (256 % n)
  let out = ''
  while (out.length < length) {
    const bytes = randomBytes(Math.ceil((length - out.length) * 1.3) + 8)
    for (const b of bytes) {
      if (b < limit) {
        out += alphabet[b % n]
        if (out.length === length) break
      }
    }
  }
  return out
}
