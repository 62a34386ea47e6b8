// Checks migrations share, so each step can look before it changes the schema.
import type { Knex } from 'knex'

export const onMysql = (knex: Knex) => knex.client.config.client === 'mysql2'

export async function hasIndex (knex: Knex, table: string, name: string): Promise<boolean> {
  if (onMysql(knex)) {
    const [rows] = await knex.raw('SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND index_name = ? LIMIT 1', [table, name])
    return (rows as unknown[]).length > 0
  }
  return (await knex.raw(`PRAGMA index_list(${table})`) as Array<{ name: string }>).some((i) => i.name === name)
}
