// A small in-process cache for rows read on every request (apps, merchants): entries live
// `ttlMs`, and at most `max` are kept — keys come from callers (an app key header, a merchant
// code in the URL), so misses are cached too but can never grow the process without bound.
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>()
  constructor (private readonly max: number, private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  /** The cached value, or `undefined` when absent or expired. */
  get (key: K): { value: V } | undefined {
    const hit = this.entries.get(key)
    if (!hit) return undefined
    // A clock that went back counts as expired: an entry never outlives its ttl that way.
    const age = this.now() - hit.at
    if (age < 0 || age >= this.ttlMs) {
      this.entries.delete(key)
      return undefined
    }
    return { value: hit.value }
  }

  set (key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, { value, at: this.now() })
    // Maps keep insertion order: the first key is the oldest.
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K)
  }

  delete (key: K): void { this.entries.delete(key) }

  get size (): number { return this.entries.size }
}

/**
 * Reads of one key at the same moment share one query (a burst of events asking for the same
 * merchant's endpoints or settings); nothing is kept once the read settles, so it never serves
 * an answer older than a read begun now would.
 */
export class SharedReads<K, V> {
  private readonly reading = new Map<K, Promise<V>>()

  /** The read in flight for `key`, or a new one from `read`. Each caller gets the same promise. */
  get (key: K, read: () => Promise<V>): Promise<V> {
    const running = this.reading.get(key)
    if (running) return running
    const mine = read()
    this.reading.set(key, mine)
    // A settled read removes only its own entry (forget() may have made room for a newer one).
    void mine.finally(() => { if (this.reading.get(key) === mine) this.reading.delete(key) }).catch(() => undefined)
    return mine
  }

  /** After a write: later reads start afresh instead of joining one begun before it (read your own write). */
  forget (key: K): void { this.reading.delete(key) }
}
