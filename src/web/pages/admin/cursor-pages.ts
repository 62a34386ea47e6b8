// Page by page through a list the API answers by cursor (next_cursor), with 上一页 / 下一页:
// the cursors of the pages before this one are kept, so going back asks for the same page again.
import { computed, ref } from 'vue'

/** `load` reads `cursor` (undefined: the first page) and stores the answer's next_cursor in `nextCursor`. */
export function useCursorPages (load: () => Promise<unknown>) {
  /** The cursors of the pages before this one (the first page has none). */
  const cursors = ref<Array<string | undefined>>([])
  const cursor = ref<string | undefined>(undefined)
  const nextCursor = ref<string | null>(null)
  const pageNo = computed(() => cursors.value.length + 1)

  /** The first page again (a new search, or the newest entries). */
  async function first (): Promise<void> {
    cursors.value = []
    cursor.value = undefined
    await load()
  }

  async function next (): Promise<void> {
    if (!nextCursor.value) return
    cursors.value.push(cursor.value)
    cursor.value = nextCursor.value
    await load()
  }

  async function previous (): Promise<void> {
    if (!cursors.value.length) return
    cursor.value = cursors.value.pop()
    await load()
  }

  return { cursor, nextCursor, pageNo, first, next, previous }
}
