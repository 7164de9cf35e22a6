import { useLang } from '../../i18n/i18n'

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

/** Source links: the first few shown, the rest behind a disclosure. */
export function Sources({
  urls,
  max = 3,
}: {
  readonly urls: readonly string[]
  readonly max?: number
}) {
  const { t } = useLang()
  if (urls.length === 0) return <span className="muted">{t('common.noSources')}</span>
  const link = (u: string) =>
    /^https?:\/\//.test(u) ? (
      <a href={u} target="_blank" rel="noreferrer noopener" key={u}>
        {host(u)}
      </a>
    ) : (
      <span key={u}>{u}</span>
    )
  const head = urls.slice(0, max)
  const rest = urls.slice(max)
  return (
    <span className="sources">
      {head.map((u, i) => (
        <span key={u}>
          {i > 0 && ', '}
          {link(u)}
        </span>
      ))}
      {rest.length > 0 && (
        <details className="more-sources">
          <summary>{t('common.moreSources', { count: rest.length })}</summary>
          <ul>
            {rest.map((u) => (
              <li key={u}>{link(u)}</li>
            ))}
          </ul>
        </details>
      )}
    </span>
  )
}
