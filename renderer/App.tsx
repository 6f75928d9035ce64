import { useEffect, useState } from 'react';
import { ToastProvider } from './components/ui';
import { SECTIONS } from './pages/registry';

const NAV_SECTIONS = SECTIONS.filter((s) => !s.hidden);

function sectionFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return SECTIONS.some((s) => s.id === id) ? id : 'today';
}

export function App() {
  const [current, setCurrent] = useState(sectionFromHash);

  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash());
    // Alt+1..9, then Alt+0 for the tenth, jump between sections from anywhere, including inside a form.
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = e.key === '0' ? 10 : Number(e.key);
      const section = NAV_SECTIONS[n - 1];
      if (section) {
        e.preventDefault();
        window.location.hash = `/${section.id}`;
      }
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const section = SECTIONS.find((s) => s.id === current) ?? SECTIONS[0]!;
  const Page = section.component;

  return (
    <ToastProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <nav className="sidebar" aria-label="Sections">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              RL
            </span>
            RadLedger
          </div>
          {NAV_SECTIONS.map((s, i) => (
            <a
              key={s.id}
              className="nav-item"
              href={`#/${s.id}`}
              aria-current={s.id === section.id ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${(i + 1) % 10}`}
            >
              <span>{s.label}</span>
              <span className="nav-key" aria-hidden="true">
                Alt {(i + 1) % 10}
              </span>
            </a>
          ))}
          <div className="sidebar-footer">Your log stays on this computer. No patient identifiers.</div>
        </nav>
        <main className="main" id="main" tabIndex={-1}>
          <Page key={section.id} />
        </main>
      </div>
    </ToastProvider>
  );
}
