// Logging without requirements is an explicit, per-track choice. While a track's catalog lists no
// procedures, nothing logged can count toward a requirement, so the Log says so, offers to fill
// the requirements, and keeps a typed name as free text only once the user has chosen that.
import { useCallback, useState } from 'react';

const KEY = (trackId: number) => `radledger.freeText.${trackId}`;

export function useFreeTextChoice(trackId: number | undefined): [boolean, (on: boolean) => void] {
  const read = () => (trackId === undefined ? false : localStorage.getItem(KEY(trackId)) === '1');
  const [state, setState] = useState<{ trackId: number | undefined; on: boolean }>(() => ({ trackId, on: read() }));
  const on = state.trackId === trackId ? state.on : read();
  const set = useCallback(
    (value: boolean) => {
      if (trackId === undefined) return;
      if (value) localStorage.setItem(KEY(trackId), '1');
      else localStorage.removeItem(KEY(trackId));
      setState({ trackId, on: value });
    },
    [trackId],
  );
  return [on, set];
}

export const FREE_TEXT_LABEL = 'Log without requirements for now (names are kept as typed)';

export function freeTextRefusal(): string {
  return 'This track has no requirements yet, so this entry could not count toward anything. Fill in the requirements first, or tick “Log without requirements for now”.';
}
