// The progress line of a file being sent to the backend in pieces (a backup to restore, a JSON
// export to import), then checked there.
import { formatBytes } from './files';

export interface Progress {
  done: number;
  total: number;
}

export function UploadProgress({ reading }: { reading: Progress }) {
  return (
    <div className="stack import-progress" role="status" aria-live="polite">
      <progress max={reading.total || 1} value={reading.done} aria-label="Reading the file" />
      <p className="small">
        {reading.done < reading.total ? `Reading the file… ${formatBytes(reading.done)} of ${formatBytes(reading.total)}` : 'Checking the file…'}
      </p>
    </div>
  );
}
