// Entries per week over time: logged, and how many of them count.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../ChartFigure';
import type { WeekPoint } from '../../../shared/ipc/dashboard';
import { format, parseISO } from 'date-fns';
import { dayLabel, plural } from './format';

export function WeeklyChart(props: { weekly: WeekPoint[] }) {
  const data = props.weekly.map((w) => ({ ...w, label: format(parseISO(w.weekStart), "d MMM ''yy") }));
  const best = props.weekly.reduce<WeekPoint | null>((b, w) => (b === null || w.logged > b.logged ? w : b), null);
  const active = props.weekly.filter((w) => w.logged > 0).length;
  return (
    <section className="card" aria-labelledby="weekly-title">
      <h2 id="weekly-title" className="card-title">
        Entries per week
      </h2>
      <p className="chart-summary" data-testid="weekly-summary">
        {props.weekly.length === 0
          ? 'No weeks to show yet.'
          : `${plural(active, 'week', 'weeks')} with entries out of the ${props.weekly.length} shown` +
            (best && best.logged > 0 ? `; busiest week began ${dayLabel(best.weekStart)} (${best.logged} logged).` : '.')}
      </p>
      <ChartFigure height={220} caption="Bar chart of entries per week; the table below lists each week.">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={0} barCategoryGap={1}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} stroke="var(--border)" minTickGap={24} />
            <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" />
            <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="counted" name="Counted" stackId="w" fill="var(--accent)" isAnimationActive={false} />
            <Bar
              dataKey={(w: WeekPoint) => Math.max(0, w.logged - w.counted)}
              name="Logged, not counted"
              stackId="w"
              fill="var(--warn)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <table className="visually-hidden">
        <caption>Entries per week</caption>
        <thead>
          <tr>
            <th scope="col">Week beginning</th>
            <th scope="col">Logged</th>
            <th scope="col">Counted</th>
          </tr>
        </thead>
        <tbody>
          {props.weekly.map((w) => (
            <tr key={w.weekStart}>
              <th scope="row">{w.weekStart}</th>
              <td>{w.logged}</td>
              <td>{w.counted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
