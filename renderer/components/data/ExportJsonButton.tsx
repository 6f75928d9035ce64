// "Export everything as JSON": the whole database as RadLedger's documented JSON format.
import { useState } from 'react';
import { api } from '../../api';
import { Banner } from '../ui';
import { downloadText } from './files';

export function ExportJsonButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    const r = await api.exportjson.export();
    setBusy(false);
    if (r.ok) {
      setError(null);
      downloadText(r.value.json, r.value.fileName);
    } else setError(r.error.message);
  }
  return (
    <div className="stack">
      <div className="row row-center">
        <button className="btn" onClick={() => void run()} disabled={busy}>
          {busy ? 'Exporting…' : 'Export everything as JSON'}
        </button>
        <span className="muted small">Every table, in a documented format you can import into RadLedger on another computer.</span>
      </div>
      {error ? <Banner tone="error">{error}</Banner> : null}
    </div>
  );
}
