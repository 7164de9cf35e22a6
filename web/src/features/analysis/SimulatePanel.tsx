import { useState, type SyntheticEvent } from 'react'
import type { SimulationResult } from '../../../../src/contracts/analyses.js'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { SelectField, WholeNumberField } from '../../ui/Field'
import { ErrorBox } from '../../ui/Status'
import { useNegotiation } from '../negotiations/api'
import { useSimulation } from './api'
import { asDelegation, simulationInput, STRATEGIES, utilitiesText, type Strategy } from './view'
import { runSummary } from './words'

/** Alternating offers on the analysis's packages; the answer stays in this page only. */
export function SimulatePanel({
  negotiationId,
  analysisId,
  profiles,
  sim,
  onResult,
  step,
}: {
  readonly negotiationId: string
  readonly analysisId: string
  readonly profiles: readonly string[]
  readonly sim: SimulationResult | null
  readonly onResult: (s: SimulationResult) => void
  /** The base agreement's rounding step, for amounts in the summary. */
  readonly step: bigint
}) {
  const { t, lang } = useLang()
  const run = useSimulation(negotiationId, analysisId)
  const next = useNegotiation(negotiationId).data?.nextDeadline ?? null
  // '' = a fixed number of rounds; otherwise days per round until the next dated deadline
  const [roundDays, setRoundDays] = useState('')
  const [ranWith, setRanWith] = useState<{ days: number; today: string } | null>(null)
  const [strategies, setStrategies] = useState<readonly [Strategy, Strategy]>([
    'boulware',
    'conceder',
  ])
  const [rounds, setRounds] = useState('200')
  const [seed, setSeed] = useState('1')
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    const days = Math.trunc(Number(roundDays))
    const dated = roundDays !== '' && days >= 1 && days <= 365
    const body = simulationInput(strategies[0], strategies[1], rounds, seed)
    run.mutate(dated ? { ...body, roundDays: days } : body, {
      onSuccess: (r) => {
        setRanWith(dated ? { days, today: new Date().toISOString().slice(0, 10) } : null)
        onResult(r)
      },
    })
  }
  return (
    <form
      className="analysis-simulate"
      aria-labelledby="simulate-h"
      data-testid="analysis-simulate"
      onSubmit={submit}
    >
      <h4 id="simulate-h">{t('analysis.sim.title')}</h4>
      <p className="muted small">{t('analysis.sim.hint')}</p>
      {([0, 1] as const).map((side) => (
        <SelectField
          key={side}
          label={t('analysis.sim.strategyOf', {
            party: t(`partyAdj.${asDelegation(profiles[side])}`),
          })}
          value={strategies[side]}
          onValue={(v) => {
            const s = STRATEGIES.find((x) => x === v) ?? strategies[side]
            setStrategies((prev) => (side === 0 ? [s, prev[1]] : [prev[0], s]))
          }}
        >
          {STRATEGIES.map((s) => (
            <option key={s} value={s}>
              {t(`analysis.sim.strategy.${s}`)}
            </option>
          ))}
        </SelectField>
      ))}
      <SelectField
        label={t('analysis.sim.deadline')}
        value={roundDays}
        testId="sim-deadline"
        onValue={setRoundDays}
        hint={
          next === null
            ? t('analysis.sim.noDeadline')
            : t('analysis.sim.nextDeadline', {
                label: next.label,
                date: formatDate(next.date.slice(0, 10), lang),
              })
        }
      >
        <option value="">{t('analysis.sim.fixedRounds')}</option>
        {next !== null &&
          ['7', '14', '30'].map((d) => (
            <option key={d} value={d}>
              {t('analysis.sim.roundEvery', {
                days: d,
                date: formatDate(next.date.slice(0, 10), lang),
              })}
            </option>
          ))}
      </SelectField>
      <WholeNumberField
        disabled={roundDays !== ''}
        label={t('analysis.sim.rounds')}
        min={1}
        max={2000}
        required
        value={rounds}
        onValue={setRounds}
      />
      <WholeNumberField
        label={t('analysis.sim.seed')}
        min={0}
        required
        value={seed}
        onValue={setSeed}
      />
      <button type="submit" disabled={run.isPending}>
        {t('analysis.sim.run')}
      </button>
      {run.isError && <ErrorBox error={run.error} />}
      {sim !== null && (
        <p role="status" data-testid="simulation-outcome">
          {runSummary(
            sim,
            [asDelegation(profiles[0]), asDelegation(profiles[1])],
            t,
            lang,
            step,
            ranWith?.days,
            ranWith?.today,
          )}{' '}
          {sim.agreement !== null && (
            <span className="muted small">
              {t('analysis.utilitiesAre', { utilities: utilitiesText(sim.agreement.utility) })}{' '}
            </span>
          )}
          <span className="muted small">
            {t('analysis.sim.offerCounts', {
              a: t(`partyName.${asDelegation(profiles[0])}`),
              b: t(`partyName.${asDelegation(profiles[1])}`),
              ca: sim.offerCounts[0] ?? 0,
              cb: sim.offerCounts[1] ?? 0,
            })}
          </span>
        </p>
      )}
    </form>
  )
}
