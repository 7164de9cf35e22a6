// Writes the API's OpenAPI document (the one served at /api/openapi.json) to a file or stdout:
//   npx tsx scripts/openapi.ts [out.json]
// It builds the app on an empty in-memory database; nothing listens.
import { writeFileSync } from 'node:fs'
import { migrateToLatest } from '../src/db/migrate.js'
import { openDatabase } from '../src/db/open.js'
import { buildApp } from '../src/server/app.js'

/** The OpenAPI document of this version of the API, as JSON text. */
export async function openApiDocument(): Promise<string> {
  const store = openDatabase(':memory:')
  try {
    await migrateToLatest(store.db, 'sqlite')
    const app = await buildApp({ store, logger: false, webDist: null })
    try {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' })
      return JSON.stringify(res.json(), null, 2)
    } finally {
      await app.close()
    }
  } finally {
    await store.close()
  }
}

if (process.argv[1]?.endsWith('openapi.ts')) {
  const doc = await openApiDocument()
  const out = process.argv[2]
  if (out === undefined) process.stdout.write(`${doc}\n`)
  else writeFileSync(out, `${doc}\n`)
}
