import type { TestApp } from './build-test-app.js'

/** Creates a product through the API and returns its id. */
export async function createProduct (t: TestApp, token: string, name = '苹果礼盒', extra: Record<string, unknown> = {}): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/products', headers: t.auth(token), payload: { name, ...extra } })
  if (res.statusCode !== 201) throw new Error(`createProduct: ${res.statusCode} ${res.body}`)
  return res.json().id
}

/** Creates a batch through the API and returns the answer body. */
export async function createBatch (t: TestApp, token: string, payload: Record<string, unknown>): Promise<any> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/card-batches', headers: t.auth(token), payload })
  if (res.statusCode !== 201 && res.statusCode !== 202) throw new Error(`createBatch: ${res.statusCode} ${res.body}`)
  return res.json()
}
