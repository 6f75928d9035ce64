// The "Start here" steps of a first run: has the user a track, requirements in it, a first entry?
//   start.state   one look-up for the guided start and Today's "Start here" card
import { z } from 'zod';
import type { DisciplineCode } from '../disciplines';
import { channel } from './define';

export interface StartState {
  /** The first live track (the one the steps are about), or null before there is one. */
  track: { id: number; name: string; discipline: DisciplineCode; startDate: string } | null;
  trackCount: number;
  /** The track's catalog lists procedures (filled, imported, or a custom list). */
  requirementsIn: boolean;
  /** Key of the catalog to fill for the track: its current one, or the shipped version for its discipline and start. */
  catalogKey: string | null;
  entryCount: number;
}

export const startChannels = {
  'start.state': channel<StartState>()(z.undefined()),
};
