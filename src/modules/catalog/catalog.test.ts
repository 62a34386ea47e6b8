import t from 'tap'
import { buildTestApp } from '../../test-support/build-test-app.js'
import { multipart } from '../../test-support/http.js'
import { productSetFor } from './catalog.repository.js'
import { sanitizeDescription } from './catalog.service.js'

const png = (filename: string, content: Buffer) => multipart(content, { filename, contentType: 'image/png' })

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])

t.test('products: only the name is required; everything else optional and checked', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const post = (payload: object) => ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(token), payload })
  const minimal = await post({ name: '苹果' })
  t.equal(minimal.statusCode, 201)
  t.match(minimal.json(), { name: '苹果', images: [], image_url: null, status: 'on', attributes: [], goods_no: null, sort_order: 0 })

  const full = await post({
    name: '苹果桃子礼盒', images: ['https://cdn.example.com/a.jpg'], goods_no: 'G001', spec_no: 'S001', category: '礼盒',
    attributes: [{ key: '产地', value: '烟台' }], sort_order: -5, status: 'off',
    description: '<p onclick="steal()">好吃<script>alert(1)</script><img src="javascript:alert(1)"><a href="https://x.example">链接</a></p>',
  })
  t.equal(full.statusCode, 201)
  const p = full.json()
  t.equal(p.image_url, 'https://cdn.example.com/a.jpg')
  t.notMatch(p.description, /script|onclick|javascript/, 'description sanitised')
  t.match(p.description, /<a href="https:\/\/x.example" rel="noopener noreferrer" target="_blank">链接<\/a>/)

  for (const [payload, code] of [
    [{}, 'validation_failed'], [{ name: '' }, 'validation_failed'], [{ name: 'x'.repeat(101) }, 'validation_failed'],
    [{ name: 'a', images: ['http://insecure.example/a.jpg'] }, 'image_url_invalid'], [{ name: 'a', status: 'maybe' }, 'validation_failed'],
    [{ name: 'a', extra: 1 }, 'validation_failed'],
  ] as const) {
    const res = await post(payload)
    t.equal(res.json().code, code, JSON.stringify(payload))
  }
  const list = await ta.app.inject({ method: 'GET', url: '/api/v1/products', headers: ta.auth(token) })
  t.same(list.json().items.map((i: { name: string }) => i.name), ['苹果桃子礼盒', '苹果'], 'by sort order')
  t.equal((await ta.app.inject({ method: 'GET', url: '/api/v1/products?status=on', headers: ta.auth(token) })).json().items.length, 1)

  const patch = await ta.app.inject({ method: 'PATCH', url: `/api/v1/products/${minimal.json().id}`, headers: ta.auth(token), payload: { goods_no: 'G9' } })
  t.equal(patch.json().goods_no, 'G9')
  t.equal(patch.json().name, '苹果')
  const del = await ta.app.inject({ method: 'DELETE', url: `/api/v1/products/${minimal.json().id}`, headers: ta.auth(token) })
  t.equal(del.statusCode, 200, 'a product no card uses can be deleted')
  t.equal((await ta.app.inject({ method: 'GET', url: `/api/v1/products/${minimal.json().id}`, headers: ta.auth(token) })).json().code, 'product_not_found')
  const audit = await ta.db('audit_logs').where('action', 'like', 'products.%').orderBy('id').pluck('action')
  t.same(audit, ['products.create', 'products.create', 'products.update', 'products.delete'])
})

t.test('uploads: checked by content, at most 5 MB, served back', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const up = await ta.app.inject({ method: 'POST', url: '/api/v1/uploads', ...withAuth(png('a.png', PNG), ta.auth(token)) })
  t.equal(up.statusCode, 201)
  t.equal(up.json().content_type, 'image/png')
  const url = up.json().url as string
  t.match(url, /^http:\/\/kaquan\.test\/uploads\/\d+\/[0-9a-f]{64}\.png$/)
  const served = await ta.app.inject({ method: 'GET', url: url.replace('http://kaquan.test', '') })
  t.equal(served.statusCode, 200)
  t.equal(served.headers['content-type'], 'image/png')
  t.same(served.rawPayload, PNG)

  const product = await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(token), payload: { name: '图', images: [url] } })
  t.equal(product.json().image_url, url)

  const fake = await ta.app.inject({ method: 'POST', url: '/api/v1/uploads', ...withAuth(png('evil.png', Buffer.from('<svg onload=alert(1)>')), ta.auth(token)) })
  t.equal(fake.statusCode, 422)
  t.equal(fake.json().code, 'upload_invalid', 'a name and a header do not make an image')
  const big = await ta.app.inject({ method: 'POST', url: '/api/v1/uploads', ...withAuth(png('big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)])), ta.auth(token)) })
  t.equal(big.statusCode, 413)
  t.equal(big.json().code, 'upload_too_large')
  const anon = await ta.app.inject({ method: 'POST', url: '/api/v1/uploads', ...png('a.png', PNG) })
  t.equal(anon.statusCode, 401)
  t.equal((await ta.app.inject({ method: 'GET', url: '/uploads/1/../../master.key' })).statusCode, 404)

  // The storefront's logo goes up the same way: products.write or settings.write.
  for (const [username, permissions, status] of [['designer1', ['settings.write'], 201], ['viewer1', ['orders.read'], 403]] as const) {
    const made = await ta.app.inject({ method: 'POST', url: '/api/v1/admins', headers: ta.auth(token), payload: { username, name: username, password: 'Staff12345-kq#Pw', permissions } })
    t.equal(made.statusCode, 201)
    const res = await ta.app.inject({ method: 'POST', url: '/api/v1/uploads', ...withAuth(png('logo.png', PNG), ta.auth(await ta.login(username, 'Staff12345-kq#Pw'))) })
    t.equal(res.statusCode, status, `${permissions.join()} → ${status}`)
    if (status === 403) t.match(res.json().message, '管理提货商品', 'the refusal names the permission')
  }
})

function withAuth (req: { payload: Buffer; headers: Record<string, string> }, auth: Record<string, string>) {
  return { payload: req.payload, headers: { ...req.headers, ...auth } }
}

t.test('audit log filters: actor, action, time range, pages', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  for (let i = 0; i < 5; i++) await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(token), payload: { name: `p${i}` } })
  const get = (qs: string) => ta.app.inject({ method: 'GET', url: `/api/v1/audit-logs?${qs}`, headers: ta.auth(token) })
  const page = await get('action=products&limit=3')
  t.equal(page.json().items.length, 3)
  const rest = await get(`action=products&limit=3&cursor=${page.json().next_cursor}`)
  t.equal(rest.json().items.length, 2)
  t.equal(rest.json().items[0].actor_name, 'admin')
  t.ok(rest.json().items[0].ip)
  const admin = await ta.db('admins').where({ username: 'admin' }).first()
  t.equal((await get(`actor_id=${admin.id}&action=products.create`)).json().items.length, 5)
  t.equal((await get('from=2099-01-01T00:00:00Z')).json().items.length, 0)
  t.equal((await get('to=2000-01-01T00:00:00Z')).json().items.length, 0)
})

t.test('a product shows only its own merchant\'s uploads', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const up = await ta.app.inject({ method: 'POST', url: '/api/v1/uploads', ...withAuth(png('a.png', PNG), ta.auth(token)) })
  const mine = up.json().url as string
  await ta.app.services.merchants.create({ code: 'other', name: '别家', admin_username: 'otherboss', admin_password: 'Other-Boss-2026!' })
  const other = await ta.login('otherboss', 'Other-Boss-2026!', 'other')
  const theirs = await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(other), payload: { name: '借图', images: [mine] } })
  t.equal(theirs.statusCode, 422)
  t.equal(theirs.json().code, 'image_url_invalid')
  const path = new URL(mine).pathname
  t.equal((await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(other), payload: { name: '借图', images: [path] } })).json().code, 'image_url_invalid', 'as a bare path too')
  t.equal((await ta.db('products').where({ name: '借图' })).length, 0)
  const own = await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(token), payload: { name: '自家图', images: [mine] } })
  t.equal(own.statusCode, 201, 'the merchant who uploaded it may use it')
})

t.test('a set\'s products, read through the short cache, follow this instance\'s product edits at once', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const post = async (name: string) => (await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: ta.auth(token), payload: { name } })).json().id as number
  const [apple, pear] = [await post('苹果'), await post('梨')]
  const merchantId = Number((await ta.db('products').where({ id: apple }).first('merchant_id')).merchant_id)
  const setId = await productSetFor(ta.db, merchantId, [apple, pear], new Date())
  const read = async () => (await ta.app.services.catalog.setProducts(merchantId, setId)).map((p) => `${p.name}:${p.status}`)
  t.same(await read(), ['苹果:on', '梨:on'])
  await ta.app.inject({ method: 'PATCH', url: `/api/v1/products/${pear}`, headers: ta.auth(token), payload: { status: 'off', name: '香梨', sort_order: -1 } })
  t.same(await read(), ['香梨:off', '苹果:on'], 'renamed, switched off and moved first')
  await ta.app.inject({ method: 'DELETE', url: `/api/v1/products/${apple}`, headers: ta.auth(token) })
  t.same(await read(), ['香梨:off'], 'a deleted product is gone from its sets')
})

t.test('descriptions keep what the console\'s editor (Tiptap) writes; a refused picture leaves nothing behind', async (t) => {
  const upload = `/uploads/1/${'a'.repeat(64)}.png`
  const editor = '<h2>礼盒介绍</h2><h3>产地</h3><p><strong>粗</strong><em>斜</em><u>下划线</u><s>删除</s><br>' +
    '<a target="_blank" rel="noopener noreferrer nofollow" href="https://shop.example/apple">链接</a></p>' +
    '<ul><li><p>一</p></li></ul><ol><li><p>二</p></li></ol><blockquote><p>引用</p></blockquote><hr>' +
    `<img src="${upload}" alt="详情图"><img src="https://cdn.example/a.jpg" alt="外链图">`
  t.equal(sanitizeDescription(editor),
    '<h2>礼盒介绍</h2><h3>产地</h3><p><strong>粗</strong><em>斜</em><u>下划线</u><s>删除</s><br />' +
    '<a target="_blank" rel="noopener noreferrer" href="https://shop.example/apple">链接</a></p>' +
    '<ul><li><p>一</p></li></ul><ol><li><p>二</p></li></ol><blockquote><p>引用</p></blockquote><hr />' +
    `<img src="${upload}" alt="详情图" /><img src="https://cdn.example/a.jpg" alt="外链图" />`)
  t.equal(sanitizeDescription('<p>看图<img src="http://plain.example/a.jpg"><img src="javascript:alert(1)"><img src="/api/v1/products"><img src="a.png"></p>'), '<p>看图</p>',
    'pictures over http, javascript: or from any other path are dropped whole')
})

t.test('a product made of several ERP goods: set, read back, cleared; a line naming no good is refused and changes nothing', async (t) => {
  const ta = await buildTestApp(t)
  const token = await ta.login()
  const h = ta.auth(token)
  const created = await ta.app.inject({ method: 'POST', url: '/api/v1/products', headers: h, payload: { name: '礼盒', goods_no: 'G-BOX', erp_goods: [{ goods_no: 'G-A', spec_no: ' S-A ', quantity: 2 }, { goods_no: null, spec_no: 'S-B', quantity: 1 }] } })
  t.equal(created.statusCode, 201)
  t.same(created.json().erp_goods, [{ goods_no: 'G-A', spec_no: 'S-A', quantity: 2 }, { goods_no: null, spec_no: 'S-B', quantity: 1 }], 'in order, trimmed')
  const id = created.json().id
  t.same((await ta.app.inject({ method: 'GET', url: '/api/v1/products', headers: h })).json().items.find((p: { id: number }) => p.id === id).erp_goods.length, 2, 'the list carries them too')

  const bad = await ta.app.inject({ method: 'PATCH', url: `/api/v1/products/${id}`, headers: h, payload: { erp_goods: [{ goods_no: 'G-C', spec_no: null, quantity: 1 }, { goods_no: ' ', spec_no: null, quantity: 1 }] } })
  t.equal(bad.statusCode, 422)
  t.match(bad.json(), { code: 'validation_failed', details: [{ path: '/erp_goods/1', message: '每行 ERP 货品请填写货品编号或规格编号' }] })
  t.equal((await ta.app.inject({ method: 'PATCH', url: `/api/v1/products/${id}`, headers: h, payload: { erp_goods: [{ goods_no: 'G-A', spec_no: null, quantity: 0 }] } })).statusCode, 422, 'a quantity under 1')
  t.equal((await ta.db('product_erp_goods').where({ product_id: id })).length, 2, 'nothing changed')

  const cleared = await ta.app.inject({ method: 'PATCH', url: `/api/v1/products/${id}`, headers: h, payload: { erp_goods: [] } })
  t.same(cleared.json().erp_goods, [], 'none: the product is its own goods_no again')
  t.same(await ta.app.services.catalog.erpGoods((await ta.db('merchants').first()).id, id), [{ goods_no: 'G-BOX', spec_no: null, quantity: 1 }])
})
