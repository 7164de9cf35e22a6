import { useState, type SyntheticEvent } from 'react'
import type { SimulationResult } from '../../../../src/contracts/analyses.js'
import { formatMoney } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { SelectField, WholeNumberField } from '../../ui/Field'
import { ErrorBox } from '../../ui/Status'
import { useSimulation } from './api'
import {
  asDelegation,
  bidText,
  simulationInput,
  STRATEGIES,
  utilitiesText,
  type Strategy,
} from './view'

/** Alternating offers on the analysis's packages; the answer stays in this page only. */
export function SimulatePanel({
  negotiationId,
  analysisId,
  profiles,
  sim,
  onResult,
}: {
  readonly negotiationId: string
  readonly analysisId: string
  readonly profiles: readonly string[]
  readonly sim: SimulationResult | null
  readonly onResult: (s: SimulationResult) => void
}) {
  const { t, lang } = useLang()
  const run = useSimulation(negotiationId, analysisId)
  const [strategies, setStrategies] = useState<readonly [Strategy, Strategy]>([
    'boulware',
    'conceder',
  ])
  const [rounds, setRounds] = useState('200')
  const [seed, setSeed] = useState('1')
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    run.mutate(simulationInput(strategies[0], strategies[1], rounds, seed), {
      onSuccess: onResult,
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
      <WholeNumberField
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
          {sim.agreement === null
            ? t('analysis.sim.noAgreement', { rounds: sim.roundsPlayed })
            : t('analysis.sim.agreed', {
                round: sim.agreement.round + 1,
                package: bidText(sim.agreement.bid),
                utilities: utilitiesText(sim.agreement.utility),
                amount:
                  sim.agreement.amount === null
                    ? '—'
                    : formatMoney(sim.agreement.amount, 'KRW', lang),
              })}{' '}
          <span className="muted small">
            {t('analysis.sim.offerCounts', {
              a: sim.offerCounts[0] ?? 0,
              b: sim.offerCounts[1] ?? 0,
            })}
          </span>
        </p>
      )}
    </form>
  )
}
