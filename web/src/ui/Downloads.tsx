import { useState } from 'react'
import { downloadFile } from '../api/client'
import { useLang } from '../i18n/i18n'

const MEDIA = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const
type Kind = keyof typeof MEDIA

/**
 * Download links of a table or a brief. The files come from the API (`?format=csv|xlsx`,
 * `brief.pdf`), made by the same code as `sma export` and `sma brief`; a POST resource (a
 * projection) is fetched with its body and Accept header. Hidden in print.
 */
export function Downloads({
  files,
  testId,
}: {
  readonly files: readonly {
    readonly kind: Kind
    /** A GET path that answers with the file… */
    readonly href?: string
    /** …or a POST path and its JSON body. */
    readonly post?: {
      readonly path: string
      readonly body: unknown
      readonly csrfToken?: string | undefined
    }
    readonly fileName: string
    readonly label?: string
  }[]
  readonly testId?: string
}) {
  const { t } = useLang()
  const [failed, setFailed] = useState(false)
  return (
    <span className="downloads no-print" data-testid={testId}>
      <span className="muted small">{t('export.download')}:</span>{' '}
      {files.map((f) =>
        f.href !== undefined ? (
          <a
            key={f.fileName}
            className="button small"
            href={f.href}
            download={f.fileName}
            data-testid={`download-${f.kind}`}
          >
            {f.label ?? t(`export.${f.kind}`)}
          </a>
        ) : (
          <button
            key={f.fileName}
            type="button"
            className="button small"
            data-testid={`download-${f.kind}`}
            onClick={() => {
              const post = f.post
              if (!post) return
              downloadFile(post.path, f.fileName, {
                accept: MEDIA[f.kind],
                body: post.body,
                csrfToken: post.csrfToken,
              }).then(
                () => {
                  setFailed(false)
                },
                () => {
                  setFailed(true)
                },
              )
            }}
          >
            {f.label ?? t(`export.${f.kind}`)}
          </button>
        ),
      )}
      {failed && (
        <span role="alert" className="small">
          {' '}
          {t('export.failed')}
        </span>
      )}
    </span>
  )
}
