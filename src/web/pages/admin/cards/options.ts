// The products and distributors the card pages offer in their pickers, loaded once per page.
// An admin without products.read (or cards.read for distributors) gets an empty list, not an error.
import { ref } from 'vue'
import { client, ok } from '../api.js'
import { can } from '../session.js'

export interface Option { id: number; name: string; off?: boolean }

export function useCardOptions () {
  const products = ref<Option[]>([])
  const distributors = ref<Option[]>([])
  /** The categories and suppliers the products name (a stored-value batch may be restricted to some). */
  const categories = ref<string[]>([])
  const suppliers = ref<string[]>([])
  async function load (): Promise<void> {
    const [p, d] = await Promise.all([
      can('products.read') ? ok(client.GET('/api/v1/products')).catch(() => null) : null,
      can('cards.read') || can('distributors.write') ? ok(client.GET('/api/v1/distributors')).catch(() => null) : null,
    ])
    products.value = (p?.items ?? []).map((x) => ({ id: x.id, name: x.name, off: x.status === 'off' }))
    distributors.value = (d?.items ?? []).map((x) => ({ id: x.id, name: x.name }))
    const names = (pick: (x: NonNullable<typeof p>['items'][number]) => string | null) =>
      [...new Set((p?.items ?? []).map(pick).filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
    categories.value = names((x) => x.category)
    suppliers.value = names((x) => x.supplier)
  }
  return { products, distributors, categories, suppliers, load }
}

/** "YYYY-MM-DD" of a date picker value, or null. */
export function dayOrNull (v: string | null | undefined): string | null {
  return v ? v : null
}
