import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import { cachedBody, sendCached, type CachedBody } from './http-cache.js'
import { NOT_FOUND_DETAIL, problem } from './problem.js'
import { sendProblem, type App } from './request-context.js'

/** Vite names every built asset after a hash of its content: such a URL never changes meaning. */
const HASHED_ASSET = /^\/assets\//

/**
 * Serves the built web app: files of `webDist` (Vite output with hashed names under /assets/,
 * precompressed .br/.gz beside them at build time) and its index.html for every other non-API
 * GET, so client-side routes load the app. Hashed assets are `immutable` for a year; index.html
 * and unhashed files must be revalidated (ETag). Without a build, `/` says how to make one.
 */
export async function registerWebApp(app: App, webDist: string | null): Promise<void> {
  const indexFile = webDist === null ? null : join(webDist, 'index.html')
  let index: CachedBody | null = null
  if (webDist !== null && indexFile !== null && existsSync(indexFile)) {
    index = cachedBody(readFileSync(indexFile), 'text/html; charset=utf-8')
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply) => {
        reply.header(
          'cache-control',
          HASHED_ASSET.test(reply.request.url) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? ''
    if (req.method === 'GET' && !path.startsWith('/api')) {
      if (index !== null) return sendCached(req, reply, index, { private: false })
      if (path === '/') {
        return reply
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><html lang="en"><meta charset="utf-8"><title>SMA Desk</title>' +
              '<h1>SMA Desk</h1><p>The web app is not built yet (run <code>npm run build:web</code>). ' +
              'The API is at <a href="/api/docs">/api/docs</a>.</p></html>',
          )
      }
    }
    return sendProblem(reply, problem('not-found', NOT_FOUND_DETAIL))
  })
}
