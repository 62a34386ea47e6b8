// /metrics: off without KAQUAN_METRICS_TOKEN, behind it otherwise; request durations by route
// pattern (never a card number in a label), the outbox backlog and its oldest row, dead
// letters, generation jobs, guess-limit refusals and locks, the pool, Node's own figures.
import t from 'tap'
import { buildTestApp } from '../test-support/build-test-app.js'
import { redeemFixture } from '../test-support/redeem-fixture.js'

const TOKEN = 'metrics-token-0123456789abcdef'

/** The value of one sample line (`name{labels} value`), or null. */
function sample (text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue
    const m = /^([a-z_]+)(\{(.*)\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4])
  }
  return null
}

t.test('without a token /metrics is not there', async (t) => {
  const { app } = await buildTestApp(t)
  t.equal((await app.inject({ url: '/metrics' })).statusCode, 404)
})

t.test('behind its token: routes, the outbox, jobs, guesses, the pool and Node', async (t) => {
  const f = await redeemFixture(t, { config: { metricsToken: TOKEN } })
  const scrape = async () => {
    const res = await f.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^text\/plain/)
    return res.body
  }
  t.equal((await f.app.inject({ url: '/metrics' })).statusCode, 401, 'no token: refused')
  t.equal((await f.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token-00' } })).statusCode, 401, 'a wrong token: refused')

  const card = f.cards[0]
  for (let i = 0; i < 6; i++) await f.verify(card.card_no, 'wrong-password')
  t.equal((await f.verify(card.card_no, card.password)).statusCode, 423, 'the card is locked after its wrong passwords')
  const now = f.app.clock.now().getTime()
  await f.db('outbox').insert([
    { merchant_id: 1, topic: 'webhook', payload: '{}', idempotency_key: 'm-1', status: 'pending', attempts: 0, next_attempt_at: now, created_at: now - 90_000, updated_at: now },
    { merchant_id: 1, topic: 'webhook', payload: '{}', idempotency_key: 'm-2', status: 'dead', attempts: 8, next_attempt_at: now, created_at: now - 10_000, updated_at: now },
  ])
  const text = await scrape()
  t.ok((sample(text, 'kaquan_http_request_duration_seconds_count', { route: '/api/v1/redeem/:merchant_code/verify', status: '423' }) ?? 0) >= 1, 'verify is counted by its route pattern')
  t.notMatch(text, new RegExp(card.card_no), 'no card number anywhere')
  t.ok((sample(text, 'kaquan_guard_locks_total', { kind: 'card' }) ?? sample(text, 'kaquan_guard_locks_total') ?? 0) >= 1, 'the card lock is counted')
  t.ok((sample(text, 'kaquan_guard_refusals_total') ?? 0) >= 1, 'and the refused tries')
  t.ok((sample(text, 'kaquan_outbox_rows', { topic: 'webhook', status: 'pending' }) ?? 0) >= 1, 'the backlog per topic')
  t.ok((sample(text, 'kaquan_outbox_rows', { topic: 'webhook', status: 'dead' }) ?? 0) >= 1, 'dead letters')
  t.ok((sample(text, 'kaquan_outbox_oldest_pending_seconds', { topic: 'webhook' }) ?? 0) >= 90, 'the age of the oldest row to deliver')
  t.equal(sample(text, 'kaquan_card_generation_jobs'), 0)
  t.equal(sample(text, 'kaquan_db_scrape_ok'), 1)
  t.ok(sample(text, 'kaquan_db_pool_connections', { state: 'used' }) !== null, 'the pool')
  t.ok(sample(text, 'kaquan_nodejs_eventloop_lag_seconds') !== null, 'event-loop lag')
  t.ok((sample(text, 'kaquan_process_resident_memory_bytes') ?? 0) > 0, 'memory')
  t.notMatch(text, /metrics-token/, 'the token is no label or value')
})

t.test("the compose setup's Grafana dashboard and Prometheus alerts only name metrics /metrics serves", async (t) => {
  const { readFileSync } = await import('node:fs')
  const { parse } = await import('yaml')
  const root = new URL('../../docker/', import.meta.url)
  const dashboard = JSON.parse(readFileSync(new URL('grafana/dashboards/kaquan.json', root), 'utf8')) as { uid: string; panels: Array<{ type: string; datasource?: { uid: string }; targets?: Array<{ expr: string }> }> }
  const alerts = parse(readFileSync(new URL('prometheus/alerts.yml', root), 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> }
  const prometheus = parse(readFileSync(new URL('prometheus/prometheus.yml', root), 'utf8')) as { scrape_configs: Array<{ job_name: string; dns_sd_configs: Array<{ port: number }> }> }
  const compose = parse(readFileSync(new URL('compose.yaml', root), 'utf8')) as { services: Record<string, { environment?: Record<string, string> }> }
  const datasource = parse(readFileSync(new URL('grafana/provisioning/datasources/prometheus.yaml', root), 'utf8')) as { datasources: Array<{ uid: string }> }

  const exprs = [
    ...dashboard.panels.flatMap((p) => p.targets ?? []).map((x) => x.expr),
    ...alerts.groups.flatMap((g) => g.rules).map((r) => r.expr),
  ]
  t.ok(exprs.length >= 20, `${exprs.length} queries`)
  t.ok(dashboard.panels.filter((p) => p.targets).every((p) => p.datasource?.uid === datasource.datasources[0].uid), "every panel uses the provisioned data source")
  const scrapePort = prometheus.scrape_configs.find((c) => c.job_name === 'kaquan')!.dns_sd_configs[0].port
  t.match(compose.services.app.environment!.KAQUAN_METRICS_PORT, new RegExp(`:-${scrapePort}}$`), 'Prometheus scrapes the port the app serves /metrics on')
  t.ok(exprs.every((e) => !e.includes('job="kaquan"') || prometheus.scrape_configs.some((c) => c.job_name === 'kaquan')))

  // Each kaquan_* name used, against the families /metrics serves (a histogram's _bucket/_sum/_count).
  const f = await redeemFixture(t, { config: { metricsToken: TOKEN } })
  await f.verify(f.cards[0].card_no, f.cards[0].password)
  const text = (await f.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body
  const served = new Set<string>()
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    served.add(m[1])
    if (m[2] === 'histogram') for (const s of ['_bucket', '_sum', '_count']) served.add(m[1] + s)
    if (m[2] === 'summary') for (const s of ['_sum', '_count']) served.add(m[1] + s)
  }
  const used = new Set(exprs.flatMap((e) => [...e.matchAll(/\bkaquan_[a-z0-9_]+/g)].map((m) => m[0])))
  t.ok(used.size >= 12, `${used.size} metrics used`)
  for (const name of used) t.ok(served.has(name), `${name} is served`)
})
