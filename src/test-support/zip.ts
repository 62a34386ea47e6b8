// A zip's entries in memory, by name (the tests read exported archives: xlsx, QR codes).
import yauzl from 'yauzl'

export async function unzip (buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const files = new Map<string, Buffer>()
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => { files.set(e.fileName, Buffer.concat(chunks)); zip.readEntry() })
        })
      })
      zip.on('end', () => resolve(files))
      zip.readEntry()
    })
  })
}
