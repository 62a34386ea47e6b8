// Labels as one PDF to print: the vendors' PDFs' pages copied as they are, an image label on a
// page of its own (100 × 150 mm, the thermal label size) scaled to fit. pdf-lib: pure JS.
import { PDFDocument } from 'pdf-lib'
import type { LabelFile } from '../../integrations/courier/port.js'

const MM = 72 / 25.4
const PAGE = { width: 100 * MM, height: 150 * MM }

export async function mergeLabels (files: LabelFile[]): Promise<Buffer> {
  const out = await PDFDocument.create()
  out.setTitle('电子面单')
  out.setProducer('Kaquan')
  for (const f of files) {
    if (f.content_type === 'application/pdf') {
      const src = await PDFDocument.load(f.bytes, { ignoreEncryption: true })
      for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page)
      continue
    }
    const image = f.content_type === 'image/png' ? await out.embedPng(f.bytes) : await out.embedJpg(f.bytes)
    const scale = Math.min(PAGE.width / image.width, PAGE.height / image.height)
    const w = image.width * scale
    const h = image.height * scale
    const page = out.addPage([PAGE.width, PAGE.height])
    page.drawImage(image, { x: (PAGE.width - w) / 2, y: (PAGE.height - h) / 2, width: w, height: h })
  }
  return Buffer.from(await out.save())
}
