// A fresh, empty database on the server TEST_MYSQL_URL names, dropped when the process exits.
import { spawnSync } from 'node:child_process'
import knexFactory, { type Knex } from 'knex'
import type { DatabaseConfig } from '../../src/config.js'

export async function freshMysql (prefix = 'kq_bench'): Promise<DatabaseConfig & { client: 'mysql' }> {
  const url = new URL(process.env.TEST_MYSQL_URL!)
  const name = `${prefix}_${Date.now()}`
  const admin = knexFactory({ client: 'mysql2', connection: { uri: url.toString() } as Knex.MySql2ConnectionConfig })
  await admin.raw(`DROP DATABASE IF EXISTS \`${name}\``)
  await admin.raw(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`)
  await admin.destroy()
  url.pathname = `/${name}`
  process.on('exit', () => {
    spawnSync('mysql', ['--protocol=tcp', `-h${url.hostname}`, `-P${url.port || 3306}`, `-u${decodeURIComponent(url.username)}`, '-e', `DROP DATABASE IF EXISTS \`${name}\``])
  })
  return { client: 'mysql', url: url.toString() }
}
