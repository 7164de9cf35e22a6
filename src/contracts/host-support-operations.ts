import { hostComparisonResponse, japanSupportResponse } from './host-support.js'
import { get, operations } from './operation.js'

/** Japan's yearly host-nation support and the Korea–Japan comparison: public record data. */
export const hostSupportOperations = operations('host-support', {
  getJapanSupport: get(
    '/api/host-support/japan',
    'public:read',
    "Japan's yearly host-nation support on one stated basis, inside and outside the special agreement",
    {
      response: japanSupportResponse,
      description:
        'Per Japanese fiscal year (April–March) FY1987–FY2027: the amounts inside the special agreement (labour, utilities, training relocation, training equipment) and outside it (FIP, welfare), the total and the contract-basis total, each with its provenance class and sources; null when unknown. Integer yen strings. Same data as `data/host-nation-support/japan.json`.',
    },
  ),
  getHostComparison: get(
    '/api/host-support/comparison',
    'public:read',
    'Korea vs Japan by year: amounts in US dollars, per stationed service member, share of the defence budget',
    {
      response: hostComparisonResponse,
      description:
        "One row per year. Korea's amount is the record's published figure or the schedule's derivation; Japan's the host-nation support total. Dollar amounts (cents, half-even), per member (whole dollars, in cents) and budget shares (percent, 0.01, half-even) are derived by SMA Desk from the sourced rate, troop number and budget of that year; null when any input is unknown. Same JSON as `sma compare-hosts --json`.",
    },
  ),
})
