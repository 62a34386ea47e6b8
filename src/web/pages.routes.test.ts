import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildTestApp } from '../test-support/build-test-app.js'

function fakeBuild (t: { teardown (fn: () => unknown): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'kaquan-web-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'pickup.html'), '<!doctype html><title>pickup</title>')
  writeFileSync(join(dir, 'staff.html'), '<!doctype html><title>staff</title>')
  writeFileSync(join(dir, 'admin.html'), '<!doctype html><title>admin</title>')
  writeFileSync(join(dir, 'assets', 'pickup-abc123.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'not an asset')
  return dir
}

t.test('pages: the pickup page for every merchant path, the staff page, hashed assets cached for a year', async (t) => {
  const { app } = await buildTestApp(t, { config: { webDir: fakeBuild(t) } })
  for (const url of ['/r/default', '/r/default?c=T000001', '/r/default/order']) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 200, url)
    t.match(res.body, /<title>pickup<\/title>/, url)
    t.match(res.headers['content-type'], /^text\/html/)
    t.equal(res.headers['cache-control'], 'no-cache', 'the HTML is always revalidated')
    t.equal(res.headers['referrer-policy'], 'no-referrer', 'the card number in ?c= never leaves in a Referer')
    t.match(res.headers['content-security-policy'], /script-src 'self'(;|$)/, 'scripts from this origin only')
    t.match(res.headers['content-security-policy'], /font-src 'self' data:(;|$)/, 'no font from a CDN')
    t.match(res.headers['content-security-policy'], /style-src 'self'(;|$)/, 'no inline style either')
  }
  const staff = await app.inject({ url: '/staff' })
  t.equal(staff.statusCode, 200)
  t.match(staff.body, /<title>staff<\/title>/)
  t.equal(staff.headers['x-robots-tag'], 'noindex')

  for (const url of ['/admin', '/admin/', '/admin/cards', '/admin/products/3']) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 200, url)
    t.match(res.body, /<title>admin<\/title>/, `${url}: the console, its routes drawn in the browser`)
    t.equal(res.headers['x-robots-tag'], 'noindex')
    t.match(res.headers['content-security-policy'], /script-src 'self'(;|$)/)
  }
  const root = await app.inject({ url: '/' })
  t.equal(root.statusCode, 302, '/ leads to the console')
  t.equal(root.headers.location, '/admin/')

  const asset = await app.inject({ url: '/web/assets/pickup-abc123.js' })
  t.equal(asset.statusCode, 200)
  t.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable')
  t.equal((await app.inject({ url: '/web/secret.txt' })).statusCode, 404, 'only assets/ is served as files')
  t.equal((await app.inject({ url: '/web/pickup.html' })).statusCode, 404)
  t.equal((await app.inject({ url: '/web/assets/../secret.txt' })).statusCode, 404)
  t.equal((await app.inject({ url: '/web/assets/missing.js' })).statusCode, 404)

  const api = await app.inject({ url: '/api/v1/redeem/default/config' })
  t.equal(api.statusCode, 200, 'the API beside the pages')
  t.notOk(api.headers['content-security-policy'], 'page headers stay on pages')
})

t.test('pages not built: a clear answer, and the API works', async (t) => {
  const { app } = await buildTestApp(t, { config: { webDir: join(tmpdir(), 'kaquan-no-such-build') } })
  const res = await app.inject({ url: '/r/default' })
  t.equal(res.statusCode, 503)
  t.match(res.body, /npm run build/)
  t.equal((await app.inject({ url: '/api/v1/redeem/default/config' })).statusCode, 200)
})
