import type { Knex } from 'knex'
import type { Clock } from '../../shared/clock.js'
import { validationFailed } from '../../shared/errors.js'
import type { Actor } from '../audit/audit.repository.js'
import { createSectionStore, type SectionStore } from './section-store.js'
import { DEFAULT_PICKUP, DEFAULT_STOREFRONT, type Pickup, type Storefront } from './settings.schemas.js'

type Sections = { storefront: Storefront; pickup: Pickup }

/** The storefront and pickup sections (the integrations keep their sections in their modules). */
export function createSettingsService ({ db, clock }: { db: Knex; clock: Clock }) {
  const stores: { [K in keyof Sections]: SectionStore<Sections[K]> } = {
    storefront: createSectionStore({ db, clock }, { name: 'storefront', defaults: DEFAULT_STOREFRONT }),
    pickup: createSectionStore({ db, clock }, { name: 'pickup', defaults: DEFAULT_PICKUP }),
  }
  return {
    get: <K extends keyof Sections>(merchantId: number, section: K): Promise<Sections[K]> => stores[section].read(merchantId),

    cached: <K extends keyof Sections>(merchantId: number, section: K): Promise<Sections[K]> => stores[section].cached(merchantId),

    async put<K extends keyof Sections> (merchantId: number, section: K, value: Sections[K], actor: Actor): Promise<Sections[K]> {
      if (section === 'pickup') {
        const r = (value as Pickup).reservation
        if (r.min_days_ahead > r.max_days_ahead) {
          throw validationFailed({ details: [{ path: '/reservation/min_days_ahead', message: '最早天数不能大于最晚天数' }] })
        }
      }
      await stores[section].save(merchantId, value, actor, value as Record<string, unknown>)
      return stores[section].read(merchantId)
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
