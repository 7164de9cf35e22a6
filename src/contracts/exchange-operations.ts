import { childParams, negotiationParams } from './negotiations.js'
import {
  exportBody,
  importBody,
  importedResponse,
  instanceKeyResponse,
  receivedDocumentsResponse,
  registerKeyBody,
  registeredKeyView,
  registeredKeysResponse,
  reportedCreated,
  reportedEventBody,
  reportedProposalBody,
  reportedReplyBody,
  reportedRoundBody,
  signedDocumentSchema,
} from './exchange.js'
import { wrap } from './common.js'
import { get, operations, post } from './operation.js'

const SINGLE_ONLY =
  "Only in a delegation's own instance (SMA_PARTIES without the other party): in a shared instance the other delegation records its own acts, and this answers 403."

/**
 * Acts of the other party recorded as reported by us (issue 17): the other party is the actor,
 * our user the recorder, with the source.
 */
export const reportedOperations = operations('negotiations', {
  reportProposal: post(
    '/api/negotiations/:id/reported/proposals',
    'proposal:table',
    'Record a proposal the other delegation tabled, as reported by your delegation',
    {
      params: negotiationParams,
      body: reportedProposalBody,
      response: reportedCreated,
      status: 201,
      description: `${SINGLE_ONLY} The proposal is tabled (immutable) in the other party's name; the source says where it is known from.`,
    },
  ),
  reportReply: post(
    '/api/negotiations/:id/proposals/:pid/reported-reply',
    'proposal:accept',
    "Record the other delegation's reply to a tabled proposal (accept, or reject with its reason)",
    {
      params: childParams,
      body: reportedReplyBody,
      response: reportedCreated,
      status: 201,
      description: `${SINGLE_ONLY} A rejection needs the reason the other party gave.`,
    },
  ),
  reportEvent: post(
    '/api/negotiations/:id/reported/events',
    'event:write',
    'Record a lifecycle act of the other delegation (or its half of a mutual act), as reported',
    {
      params: negotiationParams,
      body: reportedEventBody,
      response: reportedCreated,
      status: 201,
      description: `${SINGLE_ONLY} A mutual act (text agreed, initialled, signed) is recorded with your delegation's confirmation and the other's as reported.`,
    },
  ),
  reportRound: post(
    '/api/negotiations/:id/reported/rounds',
    'round:write',
    "Record a round from the other delegation's account of it, as reported",
    {
      params: negotiationParams,
      body: reportedRoundBody,
      response: reportedCreated,
      status: 201,
      description: SINGLE_ONLY,
    },
  ),
})

/** Signed documents between two instances, and the keys they are verified with (issue 17). */
export const exchangeOperations = operations('exchange', {
  getInstanceKey: get(
    '/api/exchange/key',
    'public:read',
    "This instance's parties and public signing key (for the other instance to register)",
    { response: instanceKeyResponse },
  ),
  listKeys: get(
    '/api/exchange/keys',
    'exchange:read',
    "The other instances' registered public keys",
    { response: registeredKeysResponse },
  ),
  registerKey: post(
    '/api/exchange/keys',
    'exchange:trust',
    "Register another instance's public key (admin)",
    {
      body: registerKeyBody,
      response: wrap('key', registeredKeyView, 'RegisteredKeyResponse'),
      status: 201,
      description:
        'Documents signed by this key are accepted as coming from that party. Compare the fingerprint with the one read out by the other instance over a separate channel.',
    },
  ),
  exportItem: post(
    '/api/negotiations/:id/exchange/export',
    'exchange:write',
    "Sign your delegation's tabled proposal, round record or acceptance for the other instance",
    {
      params: negotiationParams,
      body: exportBody,
      response: signedDocumentSchema,
      errors: [422],
      description:
        "Only your delegation's own, asserted acts (not reported or received ones). Save the answer as a file; any changed byte fails verification.",
    },
  ),
  importDocument: post(
    '/api/negotiations/:id/exchange/import',
    'exchange:write',
    'Verify a signed document from another instance and record it as received',
    {
      params: negotiationParams,
      body: importBody,
      response: importedResponse,
      status: 201,
      errors: [422],
      description:
        'Refused (422, nothing stored) when the file is not a signed document, is signed by an unregistered key, or was changed after signing.',
    },
  ),
  listReceived: get(
    '/api/negotiations/:id/received',
    'exchange:read',
    'Documents received in this negotiation, with their signers',
    { params: negotiationParams, response: receivedDocumentsResponse },
  ),
})
