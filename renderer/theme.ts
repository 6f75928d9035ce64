// The theme: light, dark, or follow the system. The resolved choice is written to
// <html data-theme>, the one switch the stylesheet reads.
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'radledger.theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

export function storedTheme(): ThemeChoice {
  const t = localStorage.getItem(KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
}

export function applyTheme(choice: ThemeChoice = storedTheme()): void {
  localStorage.setItem(KEY, choice);
  const dark = choice === 'dark' || (choice === 'system' && systemDark.matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Call once at start-up: applies the stored choice and follows system changes. */
export function initTheme(): void {
  applyTheme();
  systemDark.addEventListener('change', () => applyTheme(storedTheme()));
}
