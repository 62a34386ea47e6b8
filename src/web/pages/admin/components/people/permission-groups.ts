// The permission ticks grouped by area of the console, in the menu's words. A code belongs to
// the first group whose prefix it starts with; a code no group names (a newer server) lands in
// 其他 rather than disappearing.
export interface PermissionGroup { title: string; codes: string[] }

const AREAS: Array<{ title: string; prefixes: string[] }> = [
  { title: '商品', prefixes: ['products.'] },
  { title: '卡券', prefixes: ['cards.'] },
  { title: '券商', prefixes: ['distributors.'] },
  { title: '订单', prefixes: ['orders.'] },
  { title: '提货', prefixes: ['redeem.'] },
  { title: '设置', prefixes: ['settings.'] },
  { title: '开放平台', prefixes: ['apps.', 'webhooks.'] },
  { title: '管理员与日志', prefixes: ['admins.', 'audit.'] },
]

export function groupPermissions (codes: string[]): PermissionGroup[] {
  const groups = AREAS.map((a) => ({ title: a.title, prefixes: a.prefixes, codes: [] as string[] }))
  const other: string[] = []
  for (const code of codes) {
    const g = groups.find((x) => x.prefixes.some((p) => code.startsWith(p)))
    if (g) g.codes.push(code)
    else other.push(code)
  }
  return [...groups.map(({ title, codes }) => ({ title, codes })), { title: '其他', codes: other }].filter((g) => g.codes.length > 0)
}
