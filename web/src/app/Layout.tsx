import { useEffect } from 'react'
import { Link, NavLink, Outlet, useNavigate, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { isLang, LANGS, setLang, useLang } from '../i18n/i18n'
import { useCan, useLogout, useSession } from '../api/session'
import { useInstanceKey } from '../features/exchange/api'

export function Layout() {
  const { t, lang } = useLang()
  const { i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const urlLang = params.get('lang')
  const session = useSession()
  const logout = useLogout()
  const navigate = useNavigate()
  const user = session.data?.user
  const canAudit = useCan('audit:read')
  const canExchange = useCan('exchange:read')
  const instance = useInstanceKey().data

  // `?lang=ko` in any link switches the language.
  useEffect(() => {
    if (isLang(urlLang) && urlLang !== i18n.language) setLang(urlLang)
  }, [urlLang, i18n.language])

  const choose = (next: string) => {
    if (!isLang(next)) return
    setLang(next)
    if (params.has('lang')) {
      const p = new URLSearchParams(params)
      p.set('lang', next)
      setParams(p, { replace: true })
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.title')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.overview')}
          </NavLink>
          <NavLink to="/negotiations">{t('nav.negotiations')}</NavLink>
          <NavLink to="/projections">{t('nav.projections')}</NavLink>
          <NavLink to="/host-support">{t('nav.hostSupport')}</NavLink>
          {canExchange && <NavLink to="/exchange">{t('nav.exchange')}</NavLink>}
          {canAudit && <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>}
        </nav>
        {instance?.mode === 'single' && (
          <span className="provenance" data-testid="instance-badge">
            {t('exchange.modeSingle', { party: t(`partyAdj.${instance.parties[0] ?? 'KR'}`) })}
          </span>
        )}
        <div className="header-tools">
          <label className="lang-switch">
            <span className="visually-hidden">{t('nav.language')}</span>
            <select
              value={lang}
              onChange={(e) => {
                choose(e.target.value)
              }}
              data-testid="lang-select"
            >
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {l === 'ko' ? '한국어' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {user ? (
            <>
              <Link to="/account" className="whoami" data-testid="whoami">
                {user.name || user.email} · {t(`party.${user.party}`)} · {t(`role.${user.role}`)}
              </Link>
              <button
                type="button"
                className="linkish"
                onClick={() => {
                  logout.mutate(undefined, {
                    onSettled: () => {
                      void navigate('/')
                    },
                  })
                }}
              >
                {t('auth.logout')}
              </button>
            </>
          ) : (
            <NavLink to="/login">{t('auth.login')}</NavLink>
          )}
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </>
  )
}
