// The pickup pages (/r/{merchant_code}, which every card's QR code points to), the staff
// pickup pages (/staff) and the merchant console (/admin; / leads there): Vite's output, built into config.webDir by `npm run build` or by
// `npm start` when missing. They call the API with relative URLs; the API works without them.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'

/** Where the page's own assets live (Vite's `base`); file names carry a content hash. */
export const ASSETS_PREFIX = '/web/'

// Scripts, styles and fonts only from this origin: nothing from a CDN, nothing inline (Vue sets
// styles through the CSSOM, which the policy allows). Images may be product pictures or logos
// hosted elsewhere.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

function pageHeaders (reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CSP)
    // The QR link carries the card number (?c=): never hand it to a logo host or the redirect target.
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    // Always revalidated, so a new build's asset names are picked up at once.
    .header('cache-control', 'no-cache')
}

const NOT_BUILT = '<!doctype html><meta charset="utf-8"><title>页面尚未构建</title>' +
  '<p>提货页面尚未构建：请运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。接口 /api/v1 不受影响。</p>'

export async function pagesRoutes (app: FastifyInstance): Promise<void> {
  const dir = app.config.webDir
  // Only assets/ is served as files; the HTML pages go through the routes below.
  await app.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: `${ASSETS_PREFIX}assets/`,
    index: false,
    cacheControl: false,
    setHeaders: (res) => {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable')
      res.setHeader('x-content-type-options', 'nosniff')
    },
  })

  const page = (file: string, opts: { noindex?: boolean } = {}) => async (_req: unknown, reply: FastifyReply) => {
    pageHeaders(reply).type('text/html; charset=utf-8')
    if (opts.noindex) reply.header('x-robots-tag', 'noindex')
    let html: string
    try {
      html = await readFile(join(dir, file), 'utf8')
    } catch {
      return reply.code(503).send(NOT_BUILT)
    }
    return reply.send(html)
  }

  // Customers: /r/{merchant_code}, /r/{merchant_code}?c={card_no}, and the views below it.
  app.get('/r/:merchant_code', page('pickup.html'))
  app.get('/r/:merchant_code/*', page('pickup.html'))
  // Staff: login, 到店提货, 电话提货.
  app.get('/staff', page('staff.html', { noindex: true }))
  app.get('/staff/*', page('staff.html', { noindex: true }))
  // Merchants: the console (商户后台), its routes drawn in the browser.
  app.get('/admin', page('admin.html', { noindex: true }))
  app.get('/admin/*', page('admin.html', { noindex: true }))
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect('/admin/', 302))
}
