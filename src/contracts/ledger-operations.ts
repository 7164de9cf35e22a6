import { agreementParams } from './agreements.js'
import { ifMatchHeaders } from './common.js'
import { exportQuery } from './exports.js'
import {
  ledgerNoteBody,
  ledgerNoteParams,
  ledgerNoteResponse,
  ledgerNotesResponse,
  ledgerResponse,
} from './ledger.js'
import { get, operations, post, put } from './operation.js'

/** The execution ledger of an agreement, and a delegation's private notes on its years. */
export const ledgerOperations = operations('ledger', {
  getLedger: get(
    '/api/agreements/:id/ledger',
    'public:read',
    'The execution ledger: allocation by category, execution, carry-over, with sources',
    {
      params: agreementParams,
      querystring: exportQuery,
      response: ledgerResponse,
      files: ['csv', 'xlsx'],
      description:
        'Money as integer-won strings, null when unknown; the contribution comes from the agreement engine; identity checks and spending rules per year. Same JSON as `sma ledger --json`. `format=csv|xlsx` (or Accept) downloads the ledger with provenance, checks and sources per year, as `sma export ledger` writes it.',
    },
  ),
  listLedgerNotes: get(
    '/api/agreements/:id/ledger/notes',
    'position:read',
    "Your delegation's private notes on the ledger's years",
    { params: agreementParams, response: ledgerNotesResponse },
  ),
  createLedgerNote: post(
    '/api/agreements/:id/ledger/notes',
    'position:write',
    'Record a note on a ledger year (private to your delegation)',
    { params: agreementParams, body: ledgerNoteBody, response: ledgerNoteResponse, status: 201 },
  ),
  updateLedgerNote: put(
    '/api/agreements/:id/ledger/notes/:nid',
    'position:write',
    'Replace a ledger note (If-Match required)',
    {
      params: ledgerNoteParams,
      headers: ifMatchHeaders,
      body: ledgerNoteBody,
      response: ledgerNoteResponse,
      errors: [412, 428],
      description: 'Stale ETag: 412 with currentETag; no If-Match: 428.',
    },
  ),
})
