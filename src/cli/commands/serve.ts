import type { Command } from '@commander-js/extra-typings'
import { CliError, cliConfig } from '../cli-error.js'

/** `sma serve [--port P] [--host H]`: runs the web app and API (same as `npm start`). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web app (SMA_DB, PORT, HOST from the environment)')
    .option('--port <port>', 'port (default PORT or 8080)')
    .option('--host <host>', 'interface (default HOST or 127.0.0.1)')
    .action(async (opts) => {
      const base = cliConfig()
      const port = opts.port === undefined ? base.port : Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(
          `bad port ${opts.port ?? ''}`,
          `"--port" 값은 0부터 65535까지의 정수여야 합니다(입력값: "${opts.port ?? ''}").`,
        )
      const config = { ...base, port, host: opts.host ?? base.host }
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
