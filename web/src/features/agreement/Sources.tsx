import { describeSource, tierLabel } from '../../../../src/domain/record/sources.js'
import { useRecord } from '../../api/record'
import { useLang } from '../../i18n/i18n'

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

/**
 * One citation as a reader would cite it: the publisher and the source's date when the record's
 * source registry knows them (else the host), the title on hover, and the tier for a screen
 * reader and a small tag.
 */
function Citation({ url }: { readonly url: string }) {
  const { lang } = useLang()
  const registry = useRecord().data?.sources
  if (!/^https?:\/\//.test(url)) return <span>{url}</span>
  const s = registry ? describeSource(registry, url) : undefined
  const name = s?.publisher?.[lang] ?? host(url)
  const tier = s ? tierLabel(s.tier, lang) : undefined
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      title={s?.title ?? url}
      data-tier={s?.tier}
    >
      {name}
      {s?.published ? ` ${s.published}` : ''}
      {tier !== undefined && <span className="tier-tag"> · {tier}</span>}
    </a>
  )
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
  const head = urls.slice(0, max)
  const rest = urls.slice(max)
  return (
    <span className="sources">
      {head.map((u, i) => (
        <span key={u}>
          {i > 0 && ', '}
          <Citation url={u} />
        </span>
      ))}
      {rest.length > 0 && (
        <details className="more-sources">
          <summary>{t('common.moreSources', { count: rest.length })}</summary>
          <ul>
            {rest.map((u) => (
              <li key={u}>
                <Citation url={u} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </span>
  )
}
