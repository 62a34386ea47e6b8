// 到店提货 / 电话提货 from the console: the staff pages (/staff) keep their token in the tab's
// sessionStorage (staff/session.ts); the console hands them its own, so the admin is not asked
// to log in a second time. Same origin, same session: logging out of either ends both.
const STAFF_TOKEN_KEY = 'kaquan.staff.token'

export function openStaffPage (path: string): void {
  const token = localStorage.getItem('kaquan.admin.token')
  if (token) sessionStorage.setItem(STAFF_TOKEN_KEY, token)
  location.assign(path)
}
