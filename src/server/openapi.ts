import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { RouteOptions } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import type { Permission } from '../domain/access/permissions.js'
import { SESSION_COOKIE, type App } from './request-context.js'

/** Permissions an anonymous visitor holds: their routes accept a request without credentials. */
const ANONYMOUS: ReadonlySet<Permission> = new Set(['public:read', 'negotiation:read'])

/**
 * Checks at start-up that an API route is documented (an `operationId` and a `summary`) and
 * derives its `security` from its permission, so the document cannot drift from the hooks that
 * enforce it. Fails closed: an undocumented route stops the server from starting.
 */
export function documentRoute(route: RouteOptions, permission: Permission | undefined): void {
  if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return
  const schema = route.schema as Record<string, unknown> | undefined
  if (schema?.hide === true) return
  if (typeof schema?.operationId !== 'string' || typeof schema.summary !== 'string') {
    throw new Error(`route ${String(route.method)} ${route.url} has no operationId or summary`)
  }
  const credentials = [{ session: [] }, { bearer: [] }]
  // in place: the OpenAPI plugin keeps a reference to this object
  schema.security =
    permission !== undefined && ANONYMOUS.has(permission) ? [{}, ...credentials] : credentials
}

/** The groups of operations in the document, in the order a reader meets them. */
const TAGS: Readonly<Record<string, string>> = {
  meta: 'Health and the API document',
  agreements: 'The record: agreements, schedules, index values',
  ledger: "The execution ledger and a delegation's private notes on its years",
  auth: 'Sessions and personal API tokens',
  negotiations: 'Negotiations, rounds, events, proposals, positions',
  analyses: 'Party-private bargaining analyses',
  projections: 'Monte Carlo projections under scenarios',
  audit: 'The tamper-evident audit log (admins)',
}

/**
 * The OpenAPI 3.1 document at /api/openapi.json and its viewer at /api/docs. Every named zod
 * schema (`.meta({ id })` in src/contracts) becomes a component, so each `$ref` resolves.
 */
export async function registerOpenApi(app: App, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SMA Desk API',
        version,
        description:
          'Defense cost-sharing agreements (SMA): the record, schedules, negotiations and analyses. Errors are RFC 9457 problem+json.',
        license: { name: 'UNLICENSED', identifier: 'LicenseRef-UNLICENSED' },
      },
      servers: [{ url: '/', description: 'this server' }],
      tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  // Its files are named explicitly (the compiled server bundles the plugin's code, which would
  // otherwise look for them beside itself).
  const assets = join(
    dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
    'static',
  )
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    baseDir: assets,
    logo: { type: 'image/svg+xml', content: readFileSync(join(assets, 'logo.svg')) },
    staticCSP: true,
    transformStaticCSP: (header) => header,
  })
}
