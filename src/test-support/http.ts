// Small HTTP helpers for tests: a free loopback port, and multipart bodies for upload routes.
import { createServer } from 'node:net'

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released), for servers whose URL must be known before they start. */
export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A multipart/form-data body with text fields and one file in the field "file" (an xlsx unless told). */
export function multipart (file: Buffer, opts: { fields?: Record<string, string>; filename?: string; contentType?: string } = {}) {
  const boundary = '----kaquantest'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(opts.fields ?? {})) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'cards.xlsx'}"\r\nContent-Type: ${opts.contentType ?? XLSX}\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
