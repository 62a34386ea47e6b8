import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import type { Db } from '../../shared/db.js'
import { validationFailed } from '../../shared/errors.js'
import { insertAudit, type Actor } from '../audit/audit.repository.js'
import { DEFAULT_PICKUP, DEFAULT_STOREFRONT, type Pickup, type Storefront } from './settings.schemas.js'

const DEFAULTS = { storefront: DEFAULT_STOREFRONT, pickup: DEFAULT_PICKUP }
type Sections = { storefront: Storefront; pickup: Pickup }

export async function readSection<K extends keyof Sections> (db: Db, merchantId: number, section: K): Promise<Sections[K]> {
  const row = await db('settings').where({ merchant_id: merchantId, section }).first('value')
  return row ? { ...DEFAULTS[section], ...JSON.parse(row.value) } : structuredClone(DEFAULTS[section])
}

/**
 * Settings read on every customer request are kept for a moment: a change made through this
 * instance is seen at once, one made through another instance within SETTINGS_CACHE_MS.
 */
export const SETTINGS_CACHE_MS = 3_000

export function createSettingsService ({ db, clock }: { db: Knex; clock: Clock }) {
  const cache = new Map<string, { value: unknown; at: number }>()
  return {
    get: <K extends keyof Sections>(merchantId: number, section: K) => readSection(db, merchantId, section),

    async cached<K extends keyof Sections> (merchantId: number, section: K): Promise<Sections[K]> {
      const key = `${merchantId}:${section}`
      const hit = cache.get(key)
      if (hit && Date.now() - hit.at < SETTINGS_CACHE_MS) return hit.value as Sections[K]
      const value = await readSection(db, merchantId, section)
      cache.set(key, { value, at: Date.now() })
      return value
    },

    async put<K extends keyof Sections> (merchantId: number, section: K, value: Sections[K], actor: Actor): Promise<Sections[K]> {
      if (section === 'pickup') {
        const r = (value as Pickup).reservation
        if (r.min_days_ahead > r.max_days_ahead) {
          throw validationFailed({ details: [{ path: '/reservation/min_days_ahead', message: '最早天数不能大于最晚天数' }] })
        }
      }
      const now = clock.now()
      await db.transaction(async (trx) => {
        await trx('settings').insert({ merchant_id: merchantId, section, value: JSON.stringify(value), updated_at: now.getTime() })
          .onConflict(['merchant_id', 'section']).merge(['value', 'updated_at'])
        await insertAudit(trx, merchantId, actor, { action: `settings.${section}.update`, target_type: 'settings', target_id: section, summary: value as Record<string, unknown> }, now)
      })
      cache.delete(`${merchantId}:${section}`)
      return readSection(db, merchantId, section)
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
