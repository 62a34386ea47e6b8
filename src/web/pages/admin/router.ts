// /admin's routes: /admin/login outside the layout, every menu page inside it. The guard loads
// the session first; without one it goes to the login form with where it was (?redirect=…),
// and a page the admin may not open shows which permission is missing.
import { createRouter, createWebHistory } from 'vue-router'
import { PAGES, routesOf } from './menu.js'
import { resume, session } from './session.js'

declare module 'vue-router' {
  interface RouteMeta { title?: string; permissions?: string[]; active?: string; public?: boolean }
}

export const router = createRouter({
  history: createWebHistory('/admin/'),
  routes: [
    { name: 'login', path: '/login', component: () => import('./views/LoginView.vue'), meta: { title: '登录', public: true } },
    {
      path: '/',
      component: () => import('./AdminLayout.vue'),
      children: [
        ...routesOf(PAGES),
        { name: 'not-found', path: ':rest(.*)*', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  if (await resume()) return true
  return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
})

router.afterEach((to) => {
  const merchant = session.me?.merchant.name
  document.title = [to.meta.title, merchant, '商户后台'].filter(Boolean).join(' - ')
})
