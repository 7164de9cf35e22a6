import type { Command } from '@commander-js/extra-typings'

/** Every CLI command registers itself on the program; add one line per command file. */
export type RegisterCommand = (program: Command) => void

/**
 * The commands by name, each loaded only when asked for: `sma schedule …` loads the schedule
 * command and what it imports, not the database, the server or the negotiation readers. In the
 * compiled CLI each import is a chunk of its own, so start-up pays only for the command run.
 */
export const commands: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  user: async () => (await import('./user.js')).registerUser,
  token: async () => (await import('./token.js')).registerToken,
  db: async () => (await import('./db.js')).registerDb,
  audit: async () => (await import('./audit.js')).registerAudit,
  serve: async () => (await import('./serve.js')).registerServe,
  agreements: async () => (await import('./agreements.js')).registerAgreements,
  schedule: async () => (await import('./schedule.js')).registerSchedule,
  ledger: async () => (await import('./ledger.js')).registerLedger,
  explain: async () => (await import('./explain.js')).registerExplain,
  check: async () => (await import('./check.js')).registerCheck,
  analyze: async () => (await import('./analyze.js')).registerAnalyze,
  simulate: async () => (await import('./simulate.js')).registerSimulate,
  project: async () => (await import('./project.js')).registerProject,
  sources: async () => (await import('./sources.js')).registerSources,
  'compare-hosts': async () => (await import('./compare-hosts.js')).registerCompareHosts,
  export: async () => (await import('./export.js')).registerExport,
  brief: async () => (await import('./brief.js')).registerBrief,
  exchange: async () => (await import('./exchange.js')).registerExchange,
}
