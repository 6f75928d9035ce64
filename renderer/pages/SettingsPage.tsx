import { useEffect, useState } from 'react';
import { api } from '../api';
import { applyTheme, storedTheme, type ThemeChoice } from '../theme';
import { BackupsSection } from '../components/data/BackupsSection';
import { ExportJsonButton } from '../components/data/ExportJsonButton';
import { ImportSection } from '../components/data/ImportSection';
import { Field, PageHeader } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/data.css';

export function SettingsPage() {
  const info = useResult(() => api.app.info(), []);
  // Bumped when a restore or an import changes the data, so every section reloads what it shows.
  const [dataVersion, setDataVersion] = useState(0);
  const dataChanged = () => setDataVersion((v) => v + 1);
  // After a damaged data file was set aside at start-up, recovery comes first on the page.
  const overview = useResult(() => api.backups.list(), [dataVersion]);
  const recoveryFirst = Boolean(overview.value?.damaged);
  const backups = <BackupsSection refreshKey={dataVersion} onDataReplaced={dataChanged} />;
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  useEffect(() => applyTheme(theme), [theme]);

  return (
    <div className="page">
      <PageHeader title="Settings" subtitle="Appearance, where your data lives, backups and import." />
      {recoveryFirst ? backups : null}
      <section className="card">
        <h2 className="card-title">Appearance</h2>
        <div className="row">
          <Field label="Theme">
            {(id) => (
              <select id={id} value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
                <option value="system">Follow the system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            )}
          </Field>
        </div>
      </section>
      <section className="card">
        <h2 className="card-title">Your data</h2>
        {info.value ? (
          <dl className="stack small">
            <div>
              <dt className="muted">Data folder</dt>
              <dd data-testid="data-dir">{info.value.dataDir}</dd>
            </div>
            <div>
              <dt className="muted">Database file</dt>
              <dd>{info.value.databaseFile}</dd>
            </div>
            <div>
              <dt className="muted">Version</dt>
              <dd>
                RadLedger {info.value.version} · schema {info.value.schemaVersion} · {info.value.host === 'electron' ? 'desktop app' : 'browser preview'}
              </dd>
            </div>
          </dl>
        ) : null}
        <p className="muted small">
          RadLedger keeps everything on this computer. It stores no patient identifiers, and nothing leaves the machine unless you export it.
        </p>
        <ExportJsonButton />
      </section>
      {recoveryFirst ? null : backups}
      <ImportSection refreshKey={dataVersion} onDataChanged={dataChanged} />
    </div>
  );
}
