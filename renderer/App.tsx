import { useEffect, useRef, useState } from 'react';
import { watchScrollRegions } from './components/scrollRegions';
import { ToastProvider } from './components/ui';
import { SECTIONS } from './pages/registry';

const NAV_SECTIONS = SECTIONS.filter((s) => !s.hidden);

/** The section a hash names; any other hash (an in-page anchor) keeps the current one. */
function sectionFromHash(current?: string): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  if (SECTIONS.some((s) => s.id === id)) return id;
  return current ?? 'today';
}

/** Moves keyboard focus to the page's main heading (or the page itself) without jumping the view. */
function focusPage(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const heading = main.querySelector<HTMLElement>('h1');
  const target = heading ?? main;
  if (target !== main && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  main.scrollTop = 0;
}

export function App() {
  const [current, setCurrent] = useState(() => sectionFromHash());
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLButtonElement>(null);
  const first = useRef(true);

  useEffect(() => {
    const onHash = () => setCurrent((c) => sectionFromHash(c));
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

  useEffect(() => watchScrollRegions(document.getElementById('main')!), []);

  const section = SECTIONS.find((s) => s.id === current) ?? SECTIONS[0]!;
  const Page = section.component;

  // A section change is a new page for the user: name the document and move focus to its heading
  // (a screen reader announces it; the next Tab starts in the page). Not on start-up.
  useEffect(() => {
    document.title = `${section.label} · RadLedger`;
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    focusPage();
  }, [section.id]);

  // The folded navigation (narrow windows, high zoom) closes with Escape, back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      setMenuOpen(false);
      menuRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <ToastProvider>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash router must not see "#main": move focus into the page instead.
          e.preventDefault();
          focusPage();
        }}
      >
        Skip to content
      </a>
      <div className="shell" data-menu={menuOpen ? 'open' : 'closed'}>
        <header className="topbar">
          <button
            ref={menuRef}
            type="button"
            className="btn menu-button"
            aria-expanded={menuOpen}
            aria-controls="sections-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span className="menu-icon" aria-hidden="true" />
            Menu
          </button>
          <span className="topbar-title">
            <span className="brand-mark" aria-hidden="true">
              RL
            </span>
            {section.label}
          </span>
        </header>
        {menuOpen ? <div className="menu-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} /> : null}
        <nav className="sidebar" id="sections-nav" aria-label="Sections">
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
              onClick={() => setMenuOpen(false)}
            >
              <span>{s.label}</span>
              <span className="nav-key" aria-hidden="true">
                Alt {(i + 1) % 10}
              </span>
            </a>
          ))}
          <div className="sidebar-footer">Your log stays on this computer. No patient identifiers.</div>
        </nav>
        {/* While the folded navigation is open over the page, the page behind it takes no focus. */}
        <main className="main" id="main" tabIndex={-1} inert={menuOpen}>
          <Page key={section.id} />
        </main>
      </div>
    </ToastProvider>
  );
}
