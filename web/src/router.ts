import type { Pinia } from 'pinia';
import { createRouter, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from './stores/session.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session: sign-in, and the cards (they must work offline). */
    public?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'status', component: () => import('./pages/StatusPage.vue') },
  {
    path: '/alertas/:id',
    name: 'alert',
    component: () => import('./pages/AlertPage.vue'),
    props: true,
  },
  {
    path: '/programaciones',
    name: 'schedules',
    component: () => import('./pages/SchedulesPage.vue'),
  },
  {
    path: '/guias',
    name: 'guides',
    component: () => import('./pages/GuidesPage.vue'),
    meta: { public: true },
  },
  {
    path: '/guias/:card',
    name: 'guide',
    component: () => import('./pages/GuidePage.vue'),
    props: true,
    meta: { public: true },
  },
  {
    path: '/server-health',
    name: 'server-health',
    component: () => import('./pages/ServerHealthPage.vue'),
  },
  {
    path: '/que-significa',
    name: 'diagnose',
    component: () => import('./pages/DiagnosePage.vue'),
  },
  {
    path: '/infraestructura',
    name: 'infra',
    component: () => import('./pages/InfraPage.vue'),
  },
  { path: '/cron', name: 'cron-host', component: () => import('./pages/CronHostPage.vue') },
  { path: '/logs', name: 'logs', component: () => import('./pages/LogsPage.vue') },
  { path: '/auditoria', name: 'audit', component: () => import('./pages/AuditPage.vue') },
  { path: '/ajustes', name: 'settings', component: () => import('./pages/SettingsPage.vue') },
  { path: '/guardia', name: 'oncall', component: () => import('./pages/OncallPage.vue') },
  {
    path: '/mantenimiento',
    name: 'maintenance',
    component: () => import('./pages/MaintenancePage.vue'),
  },
  {
    path: '/entrar',
    name: 'sign-in',
    component: () => import('./pages/SignInPage.vue'),
    meta: { public: true },
  },
  {
    path: '/entrar/callback',
    name: 'sign-in-callback',
    component: () => import('./pages/SignInCallbackPage.vue'),
    meta: { public: true },
  },
  {
    path: '/:rest(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { public: true },
  },
];

/** Routes behind the session guard; pages without `meta.public` send strangers to sign-in. */
export function createTurnoRouter(history: RouterHistory, pinia: Pinia) {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (to, _from, saved) =>
      saved ?? (to.hash ? { el: to.hash, top: 72 } : { top: 0 }),
  });
  router.beforeEach((to) => {
    const session = useSessionStore(pinia);
    if (to.meta.public || session.signedIn) return true;
    return { name: 'sign-in', query: { next: to.fullPath } };
  });
  return router;
}
