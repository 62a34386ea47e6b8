// The products and distributors the card pages offer in their pickers, loaded once per page.
// An admin without products.read (or cards.read for distributors) gets an empty list, not an error.
import { ref } from 'vue'
import { client, ok } from '../api.js'
import { can } from '../session.js'

export interface Option { id: number; name: string; off?: boolean }

export function useCardOptions () {
  const products = ref<Option[]>([])
  const distributors = ref<Option[]>([])
  async function load (): Promise<void> {
    const [p, d] = await Promise.all([
      can('products.read') ? ok(client.GET('/api/v1/products')).catch(() => null) : null,
      can('cards.read') || can('distributors.write') ? ok(client.GET('/api/v1/distributors')).catch(() => null) : null,
    ])
    products.value = (p?.items ?? []).map((x) => ({ id: x.id, name: x.name, off: x.status === 'off' }))
    distributors.value = (d?.items ?? []).map((x) => ({ id: x.id, name: x.name }))
  }
  return { products, distributors, load }
}

/** "YYYY-MM-DD" of a date picker value, or null. */
export function dayOrNull (v: string | null | undefined): string | null {
  return v ? v : null
}
