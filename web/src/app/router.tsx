import type { ComponentType } from 'react'
import { createBrowserRouter } from 'react-router'
import { Layout } from './Layout'
import { RouteError } from './RouteError'
import { Loading } from '../ui/Status'
import { preloadChart } from '../ui/Chart'

type Page = readonly [path: string | null, load: () => Promise<ComponentType>, charts: boolean]

/**
 * Every page is its own chunk (route `lazy`), so the first page loads only what it shows; pages
 * that draw charts start fetching the chart chunk at the same time. `null` is the index page.
 */
const PAGES: readonly Page[] = [
  [null, () => import('../features/overview/OverviewPage').then((m) => m.OverviewPage), true],
  [
    'agreements/:id',
    () => import('../features/agreement/AgreementPage').then((m) => m.AgreementPage),
    true,
  ],
  [
    'agreements/:id/what-if',
    () => import('../features/agreement/WhatIfPage').then((m) => m.WhatIfPage),
    false,
  ],
  [
    'agreements/:id/ledger',
    () => import('../features/ledger/LedgerPage').then((m) => m.LedgerPage),
    true,
  ],
  [
    'negotiations',
    () => import('../features/negotiations/NegotiationsPage').then((m) => m.NegotiationsPage),
    false,
  ],
  [
    'negotiations/:id',
    () => import('../features/negotiations/NegotiationPage').then((m) => m.NegotiationPage),
    false,
  ],
  [
    'negotiations/:id/analysis',
    () => import('../features/analysis/AnalysisPage').then((m) => m.AnalysisPage),
    true,
  ],
  [
    'negotiations/:id/compare',
    () => import('../features/compare/ComparePage').then((m) => m.ComparePage),
    true,
  ],
  [
    'host-support',
    () => import('../features/host-support/HostComparisonPage').then((m) => m.HostComparisonPage),
    true,
  ],
  [
    'projections',
    () => import('../features/projections/ProjectionsPage').then((m) => m.ProjectionsPage),
    true,
  ],
  ['login', () => import('../features/accounts/LoginPage').then((m) => m.LoginPage), false],
  ['account', () => import('../features/accounts/AccountPage').then((m) => m.AccountPage), false],
  ['admin/audit', () => import('../features/accounts/AuditPage').then((m) => m.AuditPage), false],
  [
    'exchange',
    () => import('../features/exchange/ExchangePage').then((m) => m.ExchangePage),
    false,
  ],
]

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      Component: Layout,
      ErrorBoundary: RouteError,
      hydrateFallbackElement: <Loading />,
      children: [
        ...PAGES.map(([path, load, charts]) => ({
          ...(path === null ? { index: true as const } : { path }),
          lazy: async () => {
            if (charts) preloadChart()
            return { Component: await load() }
          },
        })),
        { path: '*', Component: NotFound },
      ],
    },
  ])
}

function NotFound() {
  return <RouteError notFound />
}
