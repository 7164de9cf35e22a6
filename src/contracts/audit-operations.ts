import { auditQuery, auditResponse, auditVerification } from './audit.js'
import { get, operations } from './operation.js'

/** The audit log, as the caller's party may see it. */
export const auditOperations = operations('audit', {
  getAuditLog: get(
    '/api/audit',
    'audit:read',
    'The audit log as your party may see it, newest first',
    { querystring: auditQuery, response: auditResponse },
  ),
  verifyAuditLog: get(
    '/api/audit/verification',
    'audit:read',
    'Re-walks the hash chains you may see, against the newest signed checkpoint if any',
    { response: auditVerification },
  ),
})
