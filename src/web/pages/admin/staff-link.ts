// 到店提货 / 电话提货 from the console: the staff pages (/staff) keep their token in the tab's
// sessionStorage (staff/session.ts); the console hands them its own, so the admin is not asked
// to log in a second time. Same origin, same session: logging out of either ends both.
import { router } from './router.js'

const STAFF_TOKEN_KEY = 'kaquan.staff.token'

export function openStaffPage (path: string): void {
  const token = localStorage.getItem('kaquan.admin.token')
  if (token) sessionStorage.setItem(STAFF_TOKEN_KEY, token)
  // The menu (el-menu in router mode) also pushes `path` into the console's own router, which
  // would put a 页面不存在 entry (/admin/staff/store) before the staff page in the tab's history:
  // "back" would land there. That navigation is refused; the tab leaves the console instead.
  // (The router reads its guards after this click handler has run.)
  const remove = router.beforeEach((to) => {
    remove()
    return to.path !== path
  })
  location.assign(path)
}
