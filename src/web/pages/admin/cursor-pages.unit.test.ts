import t from 'tap'
import { useCursorPages } from './cursor-pages.js'

t.test('cursor pages: next keeps the way back, previous asks for the same page again, first starts over', async (t) => {
  // Three pages of a list: undefined → 'c2' → 'c3' → end.
  const NEXT: Record<string, string | null> = { first: 'c2', c2: 'c3', c3: null }
  const asked: Array<string | undefined> = []
  const pages = useCursorPages(async () => {
    asked.push(pages.cursor.value)
    pages.nextCursor.value = NEXT[pages.cursor.value ?? 'first']
  })
  await pages.first()
  t.equal(pages.pageNo.value, 1)
  await pages.previous()
  t.same(asked, [undefined], 'no page before the first: nothing asked')
  await pages.next()
  await pages.next()
  t.equal(pages.pageNo.value, 3)
  t.equal(pages.nextCursor.value, null)
  await pages.next()
  t.same(asked, [undefined, 'c2', 'c3'], 'no page after the last: nothing asked')
  await pages.previous()
  t.equal(pages.pageNo.value, 2)
  t.equal(pages.cursor.value, 'c2')
  await pages.first()
  t.equal(pages.pageNo.value, 1)
  t.same(asked, [undefined, 'c2', 'c3', 'c2', undefined])
})
