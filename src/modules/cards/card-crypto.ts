import { Worker } from 'node:worker_threads'
import { sealCards, type Sealed, type SealRequest } from './card-secrets.js'

/** sealCards in a worker thread; one worker serves every request of this process. */
export class CardCryptoWorker {
  private worker: Worker | null = null
  private next = 1
  private readonly pending = new Map<number, { resolve: (s: Sealed) => void; reject: (e: Error) => void }>()

  private start (): Worker {
    if (this.worker) return this.worker
    // Source (.ts under the test loader) or compiled (.js): the worker sits beside this file.
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
    const worker = new Worker(new URL(`./card-crypto.worker${ext}`, import.meta.url))
    worker.on('message', (msg: { id: number; sealed: Sealed }) => {
      this.pending.get(msg.id)?.resolve(msg.sealed)
      this.pending.delete(msg.id)
    })
    worker.on('error', (err) => this.failAll(err))
    worker.on('exit', () => {
      this.worker = null
      this.failAll(new Error('card crypto worker exited'))
    })
    worker.unref()
    this.worker = worker
    return worker
  }

  private failAll (err: Error): void {
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }

  seal (req: SealRequest): Promise<Sealed> {
    const worker = this.start()
    const id = this.next++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, req })
    })
  }

  async close (): Promise<void> {
    const w = this.worker
    this.worker = null
    if (w) await w.terminate()
  }
}

/** In-thread sealing for small batches, where starting a worker costs more than it saves. */
export const sealInline = (req: SealRequest): Sealed => sealCards(req)
