import { z } from 'zod'
import {
  mfaCodeBody,
  mfaEnrollment,
  mfaLoginBody,
  mfaLoginResponse,
  mfaStatusResponse,
  passwordChangeBody,
  passwordChanged,
  recoveryCodesResponse,
  sessionsResponse,
} from './auth.js'
import { idParam } from './common.js'
import { del, get, operations, post } from './operation.js'

/**
 * Accounts (issue 14): the code step of a login, one's sessions, password change and two-step
 * login (TOTP) with its recovery codes. Everything here acts on the asker's own account.
 */
export const accountOperations = operations('auth', {
  loginMfa: post(
    '/api/auth/login/mfa',
    'public:read',
    'Log in, second step: the ticket of the password step and a TOTP or recovery code',
    { body: mfaLoginBody, response: mfaLoginResponse },
  ),
  logoutAll: post(
    '/api/auth/logout-all',
    'self:manage',
    'Log out everywhere: ends all your sessions',
    {
      response: null,
      status: 204,
    },
  ),
  listSessions: get(
    '/api/account/sessions',
    'self:manage',
    'Your sessions: when opened and last seen, browser and address',
    { response: sessionsResponse },
  ),
  endSession: del('/api/account/sessions/:id', 'self:manage', 'End one of your sessions', {
    params: z.strictObject({ id: idParam }),
    response: null,
    status: 204,
  }),
  changePassword: post(
    '/api/account/password',
    'self:manage',
    'Change your password (checked against common and breached passwords); ends your other sessions',
    { body: passwordChangeBody, response: passwordChanged },
  ),
  getMfa: get('/api/account/mfa', 'self:manage', 'Whether two-step login is on for you', {
    response: mfaStatusResponse,
  }),
  enrollMfa: post(
    '/api/account/mfa/enroll',
    'self:manage',
    'Start two-step login: a new TOTP secret, shown this once',
    { response: mfaEnrollment },
  ),
  confirmMfa: post(
    '/api/account/mfa/confirm',
    'self:manage',
    'Confirm two-step login with a first code; returns 10 recovery codes, shown this once',
    { body: mfaCodeBody, response: recoveryCodesResponse },
  ),
  newRecoveryCodes: post(
    '/api/account/mfa/recovery-codes',
    'self:manage',
    'Replace your recovery codes (needs a current code)',
    { body: mfaCodeBody, response: recoveryCodesResponse },
  ),
  disableMfa: post(
    '/api/account/mfa/disable',
    'self:manage',
    'Turn two-step login off (needs a current code; not for administrators)',
    { body: mfaCodeBody, response: null, status: 204 },
  ),
})
