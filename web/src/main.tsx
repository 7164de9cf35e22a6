import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { initI18n, initialLang } from './i18n/i18n'
import { App } from './app/App'
import './styles.css'

initI18n(initialLang())

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
