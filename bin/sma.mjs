#!/usr/bin/env node
// Entry point for `npx sma`: runs the compiled CLI (dist/cli/main.js), compiling it first when
// it is missing or older than its sources (scripts/build.mjs). `npm run sma` runs the TypeScript
// through tsx instead, for development.
import module from 'node:module'
import { pathToFileURL } from 'node:url'
import { DIST, ensureBuilt } from '../scripts/build.mjs'

// Node 22.1 and later keep the CLI's compiled code between runs (Node 20 has no such cache).
module.enableCompileCache?.()
await ensureBuilt()
await import(pathToFileURL(`${DIST}/cli/main.js`).href)
