import type { Delegation } from '../../domain/access/permissions.js'
import { instanceMode } from '../../domain/access/instance.js'
import { DomainError } from '../../domain/errors.js'
import type {
  InstanceKeyResponse,
  RegisterKeyBody,
  RegisteredKeyView,
} from '../../contracts/exchange.js'
import type { DbOrTrx } from '../../db/database.js'
import { authorsOf } from '../../db/repositories/authors.js'
import { withTransaction } from '../audit.js'
import type { Writer } from '../context.js'
import { delegationOf } from '../negotiations/negotiation.js'
import { refuseUnlessReportable } from '../negotiations/reported.js'
import { publicKeyFingerprint, type InstanceKey } from '../signing/instance-key.js'

/**
 * The keys of the signed exchange (issue 17): this instance's public key, which the other
 * instance registers, and the other instances' keys registered here. Registering a key is the
 * act of trust: documents it signs are recorded as received from its party.
 */

/** This instance's parties and public key (null when SMA_INSTANCE_KEY(_FILE) is not set). */
export function instanceKeyView(
  parties: readonly Delegation[],
  key: InstanceKey | undefined,
): InstanceKeyResponse {
  return {
    parties,
    mode: instanceMode(parties),
    key: key ? { fingerprint: key.fingerprint, publicKey: key.publicKeyPem } : null,
  }
}

/** Every registered key, oldest first (they are the instance's, not one party's, secrets: none). */
export async function listKeys(db: DbOrTrx): Promise<RegisteredKeyView[]> {
  const rows = await db.selectFrom('instance_keys').selectAll().orderBy('registered_at').execute()
  const authorOf = await authorsOf(
    db,
    rows.map((r) => r.registered_by),
  )
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    party: r.party,
    label: r.label,
    publicKey: r.public_key_pem,
    registeredAt: r.registered_at,
    registeredBy: authorOf(r.registered_by),
  }))
}

/**
 * Registers the other party's instance key. Only in a delegation's own instance and only for the
 * other party (the rule of reported acts: in a shared instance the other party is here itself);
 * never this instance's own key; a fingerprint read out by the other side must match.
 */
export async function registerKey(
  w: Writer,
  parties: readonly Delegation[],
  ownKey: InstanceKey | undefined,
  input: RegisterKeyBody,
): Promise<RegisteredKeyView> {
  const acting = delegationOf(w.actor)
  refuseUnlessReportable(acting, input.party, parties)
  const fingerprint = publicKeyFingerprint(input.publicKey)
  if (input.fingerprint !== undefined && input.fingerprint.trim() !== fingerprint)
    throw new DomainError(
      'invalid',
      `The key's fingerprint is ${fingerprint}, not ${input.fingerprint}: check with the other instance.`,
      {
        errors: [{ pointer: '/fingerprint', detail: 'does not match the key' }],
        ko: `공개 키의 지문(${fingerprint})이 입력한 지문과 다릅니다. 상대 인스턴스와 확인하십시오.`,
      },
    )
  if (ownKey !== undefined && ownKey.fingerprint === fingerprint)
    throw new DomainError('conflict', "That is this instance's own key.", {
      ko: '이 인스턴스 자신의 키입니다.',
    })
  return withTransaction(w, async (trx, audit) => {
    const exists = await trx
      .selectFrom('instance_keys')
      .select('fingerprint')
      .where('fingerprint', '=', fingerprint)
      .executeTakeFirst()
    if (exists)
      throw new DomainError('conflict', `The key ${fingerprint} is already registered.`, {
        ko: '이미 등록된 키입니다.',
      })
    const at = w.now().toISOString()
    await trx
      .insertInto('instance_keys')
      .values({
        fingerprint,
        party: input.party,
        label: input.label,
        public_key_pem: input.publicKey,
        registered_by: w.actor.id,
        registered_at: at,
      })
      .execute()
    audit({
      action: 'exchange.key.register',
      object: `instance-key:${fingerprint}`,
      visibility: 'public',
      payload: { fingerprint, party: input.party, label: input.label },
    })
    return {
      fingerprint,
      party: input.party,
      label: input.label,
      publicKey: input.publicKey,
      registeredAt: at,
      registeredBy: (await authorsOf(trx, [w.actor.id]))(w.actor.id),
    }
  })
}
