#!/usr/bin/env node
// Entry point for `npx sma`: runs the TypeScript CLI through tsx's loader, so no build step is
// needed after `npm ci`.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register()
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))
await import(main)
