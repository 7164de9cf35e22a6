import { auditQuery, auditResponse } from './audit.js'
import { get, operations } from './operation.js'

/** The audit log, as the caller's party may see it. */
export const auditOperations = operations('audit', {
  getAuditLog: get(
    '/api/audit',
    'audit:read',
    'The audit log as your party may see it, newest first',
    { querystring: auditQuery, response: auditResponse },
  ),
})
