// Runs sealCards off the main thread, so password crypto for a large batch uses the second
// core while the main thread inserts. Passwords never leave this thread.
import { parentPort } from 'node:worker_threads'
import { RandomSource, sealCards, type SealRequest } from './card-secrets.js'

const random = new RandomSource(256 * 1024)
parentPort!.on('message', (msg: { id: number; req: SealRequest }) => {
  const req = { ...msg.req, pepper: Buffer.from(msg.req.pepper), key: Buffer.from(msg.req.key) }
  parentPort!.postMessage({ id: msg.id, sealed: sealCards(req, random) })
})
