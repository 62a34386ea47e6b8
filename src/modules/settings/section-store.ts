// One settings section (storefront, pickup, notifications, ERP, tracking, e-waybill): its
// defaults, its credentials encrypted at rest (kept when a PUT omits them, cleared by null,
// shown masked), its writes audited in the same transaction, and a short read cache for the
// sections read on every customer request. Each module keeps its own schema and rules; the
// storage, the secrets and the audit are written once, here.
import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { decrypt, deriveKey, encrypt } from '../../shared/crypto.js'
import { SharedReads } from '../../shared/ttl-cache.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { readSectionValue, writeSectionValue } from './settings.repository.js'

/**
 * Sections read on every customer request are kept for a moment: a change made through this
 * instance is seen at once, one made through another instance within SETTINGS_CACHE_MS.
 */
export const SETTINGS_CACHE_MS = 3_000

export interface SectionSpec<T> {
  /** The section's name in `settings` and in its audit action (settings.<name>.update). */
  name: string
  /** Merged under the stored value (a field added later reads as its default). */
  defaults: T
  /**
   * The purpose the section's encryption key is derived for; credentials are bound to the
   * merchant and their field, so one cannot be pasted into another merchant's or field's place.
   */
  keyPurpose?: string
}

export interface SectionStore<T> {
  read (merchantId: number): Promise<T>
  /** `read` through the short cache. */
  cached (merchantId: number): Promise<T>
  /** Stores the whole section and audits it (the summary, never a secret) in one transaction. */
  save (merchantId: number, value: T, actor: Actor, summary?: Record<string, unknown>): Promise<void>
  /** The stored ciphertext for a new value: encrypted; `undefined` keeps `old`; null or '' clears. */
  seal (merchantId: number, field: string, plain: string | null | undefined, old: string | null | undefined): string | null
  /** The plaintext of a stored credential. */
  open (merchantId: number, field: string, enc: string): string
  /** A stored credential as shown to admins: ****abcd (its last four characters), or null. */
  mask (merchantId: number, field: string, enc: string | null | undefined): string | null
}

export function createSectionStore<T extends object> ({ db, clock, masterKey }: { db: Knex; clock: Clock; masterKey?: Buffer }, spec: SectionSpec<T>): SectionStore<T> {
  const key = spec.keyPurpose && masterKey ? deriveKey(masterKey, spec.keyPurpose) : null
  const aad = (merchantId: number, field: string) => `${field}:${merchantId}`
  const keyOf = () => {
    if (!key) throw new Error(`settings section ${spec.name} has no key purpose`)
    return key
  }
  const cache = new Map<number, { value: T; at: number }>()

  // Reads of one merchant's section at the same moment (a burst of events, each asking whether
  // texts or the ERP push are on) share one query.
  const reading = new SharedReads<number, unknown>()

  const store: SectionStore<T> = {
    async read (merchantId) {
      const stored = await reading.get(merchantId, () => readSectionValue(db, merchantId, spec.name))
      // Each caller gets its own copy: the shared answer is never handed out to be changed.
      return stored ? { ...structuredClone(spec.defaults), ...structuredClone(stored) as T } : structuredClone(spec.defaults)
    },

    async cached (merchantId) {
      const hit = cache.get(merchantId)
      if (hit && Date.now() - hit.at < SETTINGS_CACHE_MS) return hit.value
      const value = await store.read(merchantId)
      if (cache.size >= 10_000) cache.clear()
      cache.set(merchantId, { value, at: Date.now() })
      return value
    },

    async save (merchantId, value, actor, summary) {
      const now = clock.now()
      await db.transaction(async (trx) => {
        await writeSectionValue(trx, merchantId, spec.name, value, now)
        await insertAudit(trx, merchantId, actor, { action: `settings.${spec.name}.update`, target_type: 'settings', target_id: spec.name, summary }, now)
      })
      cache.delete(merchantId)
      // Read your own write: a read begun before this save is not shared with later readers.
      reading.forget(merchantId)
    },

    seal (merchantId, field, plain, old) {
      if (plain === undefined) return old ?? null
      return plain ? encrypt(keyOf(), plain, aad(merchantId, field)) : null
    },

    open (merchantId, field, enc) {
      return decrypt(keyOf(), enc, aad(merchantId, field)).toString('utf8')
    },

    mask (merchantId, field, enc) {
      return enc ? `****${store.open(merchantId, field, enc).slice(-4)}` : null
    },
  }
  return store
}
