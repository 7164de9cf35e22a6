import type { Command } from '@commander-js/extra-typings'
import { loadConfig } from '../../config.js'
import { CliError } from '../cli-error.js'

/** `sma serve [--port P] [--host H]`: runs the web app and API (same as `npm start`). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web app (SMA_DB, PORT, HOST from the environment)')
    .option('--port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'interface (default HOST or 127.0.0.1)')
    .action(async (opts) => {
      let config
      try {
        const base = loadConfig()
        const port = opts.port === undefined ? base.port : Number(opts.port)
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`bad port ${opts.port ?? ''}`)
        config = { ...base, port, host: opts.host ?? base.host }
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err))
      }
      const { startServer } = await import('../../server/main.js')
      const { stop } = await startServer(config)
      await new Promise<void>((resolve) => {
        for (const s of ['SIGTERM', 'SIGINT'] as const)
          process.once(s, () => {
            resolve()
          })
      })
      await stop()
    })
}
