import type { Command } from '@commander-js/extra-typings'
import { registerAudit } from './audit.js'
import { registerDb } from './db.js'
import { registerServe } from './serve.js'
import { registerToken } from './token.js'
import { registerUser } from './user.js'
import { registerAgreements } from './agreements.js'
import { registerCheck } from './check.js'
import { registerExplain } from './explain.js'
import { registerSchedule } from './schedule.js'
import { registerLedger } from './ledger.js'
import { registerAnalyze } from './analyze.js'
import { registerSimulate } from './simulate.js'
import { registerProject } from './project.js'

/** Every CLI command registers itself on the program; add one line per command file. */
export type RegisterCommand = (program: Command) => void

export const commands: RegisterCommand[] = [
  registerUser,
  registerToken,
  registerDb,
  registerAudit,
  registerServe,
  registerAgreements,
  registerSchedule,
  registerLedger,
  registerExplain,
  registerCheck,
  registerAnalyze,
  registerSimulate,
  registerProject,
]
