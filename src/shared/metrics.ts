// The process's own Prometheus metrics (prom-client): what happens in this process, counted
// where it happens. Node's defaults (event-loop lag, memory, CPU, GC) come with them. The
// database-wide gauges (outbox backlog, generation jobs, pool) are read when /metrics is
// scraped (plugins/metrics.ts). One registry per process: several apps in one process (tests)
// share these counters.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export const processRegistry = new Registry()
collectDefaultMetrics({ register: processRegistry, prefix: 'kaquan_' })

export const httpDuration = new Histogram({
  name: 'kaquan_http_request_duration_seconds',
  help: 'HTTP requests by route (the route pattern, not the URL) and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
})

export const outboxAttempts = new Counter({
  name: 'kaquan_outbox_attempts_total',
  help: 'Deliveries and vendor calls made by this process, by topic (webhook, SMS, ERP, courier, …) and outcome (done, retry, dead)',
  labelNames: ['topic', 'outcome'],
  registers: [processRegistry],
})

export const guardRefusals = new Counter({
  name: 'kaquan_guard_refusals_total',
  help: 'Attempts refused by a guess or rate limit (card passwords, logins, captchas, app rates), by counter',
  labelNames: ['kind'],
  registers: [processRegistry],
})

export const guardLocks = new Counter({
  name: 'kaquan_guard_locks_total',
  help: 'Subjects locked after using up their attempts (a card, an account, an address), by counter',
  labelNames: ['kind'],
  registers: [processRegistry],
})
