import type { ReactNode } from 'react'
import { parseWon } from '../../../src/domain/money/parse-won.js'
import { formatKrwKorean, formatMoneyExact } from '../i18n/format'
import { useLang } from '../i18n/i18n'
import { Field } from './Field'

/**
 * A won amount typed as people write it ("1조 6천억", "1.6 trillion", "16000억", every digit), with
 * a line under it saying what was understood — both readings, so a slip of one unit shows — or why
 * the text is not an amount.
 */
export function MoneyField({
  label,
  value,
  onValue,
  testId,
  extraHint,
}: {
  readonly label: ReactNode
  readonly value: string
  readonly onValue: (v: string) => void
  readonly testId?: string
  readonly extraHint?: string
}) {
  const { t } = useLang()
  const r = parseWon(value)
  const hint = r.ok
    ? t('moneyInput.understood', {
        korean: formatKrwKorean(r.won),
        digits: formatMoneyExact(r.won.toString(), 'KRW'),
      })
    : r.problem === 'empty'
      ? (extraHint ?? t('moneyInput.examples'))
      : t(`moneyInput.problem.${r.problem}`)
  return (
    <Field
      label={label}
      value={value}
      onValue={onValue}
      inputMode="text"
      autoComplete="off"
      invalid={!r.ok && r.problem !== 'empty'}
      hint={<span data-testid={testId === undefined ? undefined : `${testId}-hint`}>{hint}</span>}
      hintError={!r.ok && r.problem !== 'empty'}
      testId={testId}
    />
  )
}
