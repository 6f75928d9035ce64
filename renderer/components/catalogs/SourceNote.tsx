// Says where a number comes from, so a number the user typed is never mistaken for ARRT's.
import type { Sourced } from '../../../shared/catalog/schema';
import { derivedText } from '../../../shared/catalog/versions';

export function isLink(source: string): boolean {
  return /^https?:\/\//.test(source);
}

/** "https://www.arrt.org/pages/…/clinical-experience-requirements" -> "arrt.org · clinical-experience-requirements". */
export function linkText(source: string): string {
  const m = /^https?:\/\/(?:www\.)?([^/\s]+)(\/\S*)?(\s.*)?$/.exec(source);
  if (!m) return source;
  const last = (m[2] ?? '').split('/').filter(Boolean).pop();
  return `${m[1]}${last ? ` · ${last}` : ''}${m[3] ?? ''}`;
}

export function mineLabel(mySource: string): string {
  return /worksheet/i.test(mySource) ? 'from my worksheet' : 'entered by me';
}

export function SourceNote({ sourced, mySource }: { sourced: Sourced<unknown> | null; mySource: string }) {
  if (sourced === null || (!sourced.confirmed && sourced.source === mySource)) {
    return (
      <span className="badge badge-info" title={`Source: ${mySource}. Not confirmed by ARRT.`}>
        {mineLabel(mySource)}
      </span>
    );
  }
  if (sourced.derived) {
    // Worked out by RadLedger from a rule ARRT states: never shown as if ARRT printed the date.
    return (
      <span className="cat-source" title={`${sourced.derived.rule} (counted from ${sourced.derived.from}). Source of the rule: ${sourced.source}`}>
        <span className="badge badge-info">{derivedText(sourced.derived)}</span> <span className="small muted">rule: {linkText(sourced.source)}</span>
      </span>
    );
  }
  if (sourced.confirmed) {
    return (
      <span className="cat-source" title={sourced.source}>
        <span className="badge badge-ok">ARRT, confirmed</span> <span className="small muted">{linkText(sourced.source)}</span>
      </span>
    );
  }
  return (
    <span className="badge badge-warn cat-source-other" title={`Source: ${sourced.source}. Not confirmed by ARRT.`}>
      {/worksheet/i.test(sourced.source) ? 'from a worksheet' : /^example/i.test(sourced.source) ? 'example value' : sourced.source}
    </span>
  );
}
