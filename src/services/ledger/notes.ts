import type { Selectable } from 'kysely'
import type { IfMatch } from '../../contracts/common.js'
import type { LedgerNoteInput, LedgerNoteView } from '../../contracts/ledger.js'
import type { LedgerNotesTable } from '../../db/database.js'
import { invalid } from '../../domain/errors.js'
import type { Reader, Writer } from '../context.js'
import { privateDocuments } from '../private-documents.js'
import { getAgreement } from '../record/agreements.js'

/**
 * A delegation's notes on the years of an agreement's ledger: always private to the author's
 * party (the filter is ownership, as for positions), versioned by ETag, audited privately. The
 * same private-documents helper as positions and analyses, with the agreement as parent.
 */
type NoteRow = Selectable<LedgerNotesTable>

const toView = (r: NoteRow): LedgerNoteView => ({
  id: r.id,
  agreementId: r.agreement_id,
  ownerParty: r.owner_party,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  etag: r.etag,
  year: r.year,
  text: r.text,
})

const notes = privateDocuments<LedgerNoteView, LedgerNoteInput>({
  table: 'ledger_notes',
  name: 'ledger-note',
  toView,
  columns: (input) => ({ year: input.year, text: input.text }),
})

/** The year must be one of the agreement's (a note on another year would be unreachable). */
async function checkYear(w: Writer, agreementId: string, year: number): Promise<void> {
  const { spec } = await getAgreement(w.store.db, w.scope, w.cache, agreementId)
  if (year < spec.term.firstYear || year > spec.term.lastYear) {
    throw invalid(
      '/body/year',
      `${agreementId} runs ${spec.term.firstYear}–${spec.term.lastYear}; ${year} is not one of its years`,
      `${spec.title.ko}의 적용 기간은 ${spec.term.firstYear}년부터 ${spec.term.lastYear}년까지입니다. ${year}년은 이 협정의 적용 연도가 아닙니다.`,
    )
  }
}

/** The own party's notes on an agreement's ledger, oldest first. */
export const listLedgerNotes = (r: Reader, agreementId: string): Promise<LedgerNoteView[]> =>
  notes.list(r, agreementId)

/** Records a private note on one ledger year. */
export async function createLedgerNote(
  w: Writer,
  agreementId: string,
  input: LedgerNoteInput,
): Promise<LedgerNoteView> {
  await checkYear(w, agreementId, input.year)
  return notes.create(w, agreementId, input)
}

/** Replaces a note if and only if its ETag still matches. */
export async function updateLedgerNote(
  w: Writer,
  agreementId: string,
  id: string,
  ifMatch: IfMatch,
  input: LedgerNoteInput,
): Promise<LedgerNoteView> {
  await checkYear(w, agreementId, input.year)
  return notes.update(w, agreementId, id, ifMatch, input)
}
