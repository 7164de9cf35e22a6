import { useState, type ReactNode, type SyntheticEvent } from 'react'
import { useNavigate } from 'react-router'
import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import type { EventKind } from '../../../../src/domain/negotiation/lifecycle.js'
import { useRecord } from '../../api/record'
import { useCan, useSession } from '../../api/session'
import { todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Field, SelectField, TextAreaField } from '../../ui/Field'
import { ErrorBox } from '../../ui/Status'
import { useAddEvent, useAddRound, useCreateNegotiation, usePutDelegation } from './workflow-api'

/** A collapsible form: closed until asked for, so the page stays readable. */
function Disclosure({
  label,
  testId,
  children,
}: {
  readonly label: string
  readonly testId: string
  readonly children: ReactNode
}) {
  return (
    <details className="record-form" data-testid={testId}>
      <summary>{label}</summary>
      {children}
    </details>
  )
}

const isUrl = (s: string) => /^https?:\/\/\S+$/.test(s.trim())

/** Creates a negotiation: what it replaces, deadlines with their sources, who may see it. */
export function NewNegotiationForm() {
  const { t } = useLang()
  const may = useCan('negotiation:create')
  const create = useCreateNegotiation()
  const navigate = useNavigate()
  const record = useRecord()
  const [id, setId] = useState('')
  const [ko, setKo] = useState('')
  const [en, setEn] = useState('')
  const [replaces, setReplaces] = useState('rok-us-sma-12')
  const [visibility, setVisibility] = useState<'shared' | 'private'>('shared')
  const [date, setDate] = useState('')
  const [label, setLabel] = useState('')
  const [source, setSource] = useState('')
  if (!may) return null
  const deadlineOk = date === '' || (label.trim() !== '' && isUrl(source))
  const valid =
    /^[a-z0-9][a-z0-9-]{2,63}$/.test(id) && ko.trim() !== '' && en.trim() !== '' && deadlineOk
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    create.mutate(
      {
        id,
        title: { ko: ko.trim(), en: en.trim() },
        replaces: replaces === '' ? null : replaces,
        visibility,
        deadlines:
          date === ''
            ? []
            : [{ kind: 'expiry', date, label: label.trim(), sources: [source.trim()] }],
      },
      { onSuccess: () => void navigate(`/negotiations/${id}`) },
    )
  }
  return (
    <Disclosure label={t('workflow.newNegotiation')} testId="new-negotiation">
      <form className="inline-form" onSubmit={submit}>
        <Field
          label={t('workflow.negId')}
          hint={t('workflow.negIdHint')}
          value={id}
          required
          onValue={setId}
        />
        <Field label={t('workflow.titleKo')} value={ko} required onValue={setKo} />
        <Field label={t('workflow.titleEn')} value={en} required onValue={setEn} />
        <SelectField label={t('negotiation.replaces')} value={replaces} onValue={setReplaces}>
          <option value="">—</option>
          {(record.data?.agreements ?? [])
            .filter((a) => a.hostNation === 'KR')
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.id}
              </option>
            ))}
        </SelectField>
        <SelectField
          label={t('workflow.visibility')}
          value={visibility}
          onValue={(v) => {
            setVisibility(v === 'private' ? 'private' : 'shared')
          }}
        >
          <option value="shared">{t('workflow.visShared')}</option>
          <option value="private">{t('workflow.visPrivate')}</option>
        </SelectField>
        <fieldset>
          <legend>{t('workflow.deadline')}</legend>
          <Field label={t('workflow.deadlineDate')} type="date" value={date} onValue={setDate} />
          <Field label={t('workflow.deadlineLabel')} value={label} onValue={setLabel} />
          <Field
            label={t('workflow.deadlineSource')}
            type="url"
            value={source}
            invalid={date !== '' && !isUrl(source)}
            hint={t('workflow.sourceHint')}
            onValue={setSource}
          />
        </fieldset>
        <button type="submit" disabled={!valid || create.isPending}>
          {t('workflow.create')}
        </button>
        {create.isError && <ErrorBox error={create.error} />}
      </form>
    </Disclosure>
  )
}

export function RoundForm({ n }: { readonly n: NegotiationDetail }) {
  const { t } = useLang()
  const may = useCan('round:write')
  const add = useAddRound(n.id)
  const nextNumber = Math.max(0, ...n.rounds.map((r) => r.number)) + 1
  const [from, setFrom] = useState(todayIso())
  const [to, setTo] = useState(todayIso())
  const [venue, setVenue] = useState('')
  const [summary, setSummary] = useState('')
  const [attendees, setAttendees] = useState('')
  if (!may) return null
  const valid = venue.trim() !== '' && from !== '' && (to === '' || to >= from)
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    const who = attendees.trim()
    add.mutate(
      {
        number: nextNumber,
        from,
        to: to === '' ? null : to,
        venue: venue.trim(),
        // Attendees are kept with the summary (the round record has no field of its own yet).
        summary: who === '' ? summary : `${summary}\n${t('workflow.attendees')}: ${who}`.trim(),
        sources: [],
      },
      {
        onSuccess: () => {
          setVenue('')
          setSummary('')
          setAttendees('')
        },
      },
    )
  }
  return (
    <Disclosure label={t('workflow.recordRound', { n: nextNumber })} testId="round-form">
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('workflow.roundFrom')} type="date" value={from} onValue={setFrom} />
        <Field label={t('workflow.roundTo')} type="date" value={to} onValue={setTo} />
        <Field label={t('workflow.venue')} value={venue} required onValue={setVenue} />
        <TextAreaField
          label={t('workflow.summary')}
          value={summary}
          rows={2}
          onValue={setSummary}
        />
        <Field label={t('workflow.attendees')} value={attendees} onValue={setAttendees} />
        <button type="submit" disabled={!valid || add.isPending}>
          {t('workflow.saveRound')}
        </button>
        {add.isError && <ErrorBox error={add.error} />}
      </form>
    </Disclosure>
  )
}

/** The viewer's own delegation: chief and members, one per line "name, agency, role". */
export function DelegationForm({ n }: { readonly n: NegotiationDetail }) {
  const { t } = useLang()
  const may = useCan('round:write')
  const party = useSession().data?.user.party
  const put = usePutDelegation(n.id)
  const [chief, setChief] = useState('')
  const [chiefAgency, setChiefAgency] = useState('')
  const [members, setMembers] = useState('')
  if (!may || (party !== 'KR' && party !== 'US')) return null
  const lines = members
    .split('\n')
    .map((l) => l.split(',').map((x) => x.trim()))
    .filter((p) => p.length >= 2 && p[0] !== '' && p[1] !== '')
  const valid = chief.trim() !== '' && chiefAgency.trim() !== ''
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    put.mutate({
      party,
      members: [
        { name: chief.trim(), title: null, agency: chiefAgency.trim(), role: 'chief' },
        ...lines.map(([name = '', agency = '', role = 'member']) => ({
          name,
          title: null,
          agency,
          role: role || 'member',
        })),
      ],
      sources: [],
    })
  }
  return (
    <Disclosure
      label={t('workflow.recordDelegation', { party: t(`partyAdj.${party}`) })}
      testId="delegation-form"
    >
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('workflow.chief')} value={chief} required onValue={setChief} />
        <Field
          label={t('workflow.chiefAgency')}
          value={chiefAgency}
          required
          onValue={setChiefAgency}
        />
        <TextAreaField
          label={t('workflow.members')}
          hint={t('workflow.membersHint')}
          value={members}
          rows={3}
          onValue={setMembers}
        />
        <button type="submit" disabled={!valid || put.isPending}>
          {t('workflow.saveDelegation')}
        </button>
        {put.isError && <ErrorBox error={put.error} />}
      </form>
    </Disclosure>
  )
}

/**
 * Records a lifecycle event. The acts of both delegations (text agreed, initialled, signed) are
 * offered once both have accepted one text; they count when the other delegation confirms them.
 */
export function EventForm({ n }: { readonly n: NegotiationDetail }) {
  const { t } = useLang()
  const may = useCan('event:write')
  const party = useSession().data?.user.party
  const add = useAddEvent(n.id)
  const concluded = n.status !== 'open'
  const kinds: EventKind[] = [
    'opened',
    'note',
    'external',
    ...(concluded ? (['text-agreed', 'initialled', 'signed', 'domestic-procedure'] as const) : []),
  ]
  const [kind, setKind] = useState<EventKind>('note')
  const [date, setDate] = useState(todayIso())
  const [note, setNote] = useState('')
  if (!may || (party !== 'KR' && party !== 'US')) return null
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (note.trim() === '') return
    add.mutate(
      {
        kind,
        date,
        party: kind === 'domestic-procedure' ? party : null,
        note: note.trim(),
        visibility: 'shared',
        sources: [],
      },
      {
        onSuccess: () => {
          setNote('')
        },
      },
    )
  }
  return (
    <Disclosure label={t('workflow.recordEvent')} testId="event-form">
      <form className="inline-form" onSubmit={submit}>
        <SelectField
          label={t('workflow.eventKind')}
          value={kind}
          testId="event-kind"
          onValue={(v) => {
            setKind(kinds.find((k) => k === v) ?? 'note')
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`event.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field label={t('workflow.eventDate')} type="date" value={date} onValue={setDate} />
        <TextAreaField
          label={t('workflow.eventNote')}
          value={note}
          rows={2}
          required
          onValue={setNote}
        />
        <p className="small muted">{t('workflow.mutualHelp')}</p>
        <button type="submit" disabled={note.trim() === '' || add.isPending}>
          {t('workflow.saveEvent')}
        </button>
        {add.isError && <ErrorBox error={add.error} />}
      </form>
    </Disclosure>
  )
}
