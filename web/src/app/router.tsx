import { createBrowserRouter } from 'react-router'
import { Layout } from './Layout'
import { RouteError } from './RouteError'
import { Loading } from '../ui/Status'
import { preloadChart } from '../ui/Chart'

/** Every page is its own chunk (route `lazy`), so the first page loads only what it shows. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      Component: Layout,
      ErrorBoundary: RouteError,
      hydrateFallbackElement: <Loading />,
      children: [
        {
          index: true,
          lazy: async () => {
            preloadChart()
            return { Component: (await import('../features/overview/OverviewPage')).OverviewPage }
          },
        },
        {
          path: 'agreements/:id',
          lazy: async () => {
            preloadChart()
            return {
              Component: (await import('../features/agreement/AgreementPage')).AgreementPage,
            }
          },
        },
        {
          path: 'agreements/:id/what-if',
          lazy: async () => ({
            Component: (await import('../features/agreement/WhatIfPage')).WhatIfPage,
          }),
        },
        {
          path: 'negotiations',
          lazy: async () => ({
            Component: (await import('../features/negotiations/NegotiationsPage')).NegotiationsPage,
          }),
        },
        {
          path: 'negotiations/:id',
          lazy: async () => ({
            Component: (await import('../features/negotiations/NegotiationPage')).NegotiationPage,
          }),
        },
        {
          path: 'negotiations/:id/analysis',
          lazy: async () => {
            preloadChart()
            return { Component: (await import('../features/analysis/AnalysisPage')).AnalysisPage }
          },
        },
        {
          path: 'projections',
          lazy: async () => {
            preloadChart()
            return {
              Component: (await import('../features/projections/ProjectionsPage')).ProjectionsPage,
            }
          },
        },
        {
          path: 'login',
          lazy: async () => ({
            Component: (await import('../features/accounts/LoginPage')).LoginPage,
          }),
        },
        {
          path: 'account',
          lazy: async () => ({
            Component: (await import('../features/accounts/AccountPage')).AccountPage,
          }),
        },
        {
          path: 'admin/audit',
          lazy: async () => ({
            Component: (await import('../features/accounts/AuditPage')).AuditPage,
          }),
        },
        { path: '*', Component: NotFound },
      ],
    },
  ])
}

function NotFound() {
  return <RouteError notFound />
}
