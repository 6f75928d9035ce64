// Which Chromium the E2E tests drive: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium
// (.ci/run installs it). Playwright's own browser download does not work on these machines.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}
