// The PDF layout rules on positioned text runs, without pdfjs: a table is never split into
// "columns" at its own column gaps; two tables side by side are.
import { describe, expect, it } from 'vitest';
import { pagesToText, type TextRun } from '../../../../../electron/core/worksheet/layout';

const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: text.length * 5, height: 10 });

describe('pagesToText', () => {
  it('keeps a table with two number columns (repetitions, maximum) as one table', () => {
    const runs = [run('Procedure', 72, 700), run('Repetitions', 300, 700), run('Maximum counted', 420, 700)];
    ['Routine head', 'Orbits', 'Sinuses', 'Temporal bone'].forEach((name, i) => {
      runs.push(run(name, 72, 680 - i * 15), run(String(10 + i), 300, 680 - i * 15), run(String(20 + i), 420, 680 - i * 15));
    });
    expect(pagesToText([{ width: 612, runs }]).split('\n')).toEqual([
      'Procedure\tRepetitions\tMaximum counted',
      'Routine head\t10\t20',
      'Orbits\t11\t21',
      'Sinuses\t12\t22',
      'Temporal bone\t13\t23',
    ]);
  });

  it('reads two tables side by side left first, with a full-width title above them', () => {
    const runs = [run('Clinical experience requirements for this discipline, all categories', 72, 740)];
    [['HEAD', 'CHEST'], ['Routine head 10', 'Routine chest 12'], ['Orbits 3', 'Chest angiography 5'], ['Sinuses 4', 'Lung screening 2']].forEach(([l, r], i) => {
      const split = (t: string, x: number) => {
        const m = /^(.*?)(?: (\d+))?$/.exec(t)!;
        runs.push(run(m[1]!, x, 700 - i * 15));
        if (m[2]) runs.push(run(m[2], x + 150, 700 - i * 15));
      };
      split(l!, 60);
      split(r!, 330);
    });
    expect(pagesToText([{ width: 612, runs }]).split('\n')).toEqual([
      'Clinical experience requirements for this discipline, all categories',
      'HEAD',
      'Routine head  10',
      'Orbits  3',
      'Sinuses  4',
      'CHEST',
      'Routine chest  12',
      'Chest angiography  5',
      'Lung screening  2',
    ]);
  });
});
