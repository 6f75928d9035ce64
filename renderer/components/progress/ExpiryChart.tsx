// Counted entries ageing out of the window, per coming month.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../ChartFigure';
import type { DashboardData } from '../../../shared/ipc/dashboard';
import { format, parseISO } from 'date-fns';
import { monthLabel, plural } from './format';

export function ExpiryChart(props: { data: DashboardData }) {
  const { expiry, expiringSoon } = props.data;
  const total = expiry.reduce((s, m) => s + m.count, 0);
  // Short ticks ("Dec", "Jan '27"): twelve full month names do not fit; the table has them in full.
  const data = expiry.map((m) => ({ ...m, label: format(parseISO(`${m.month}-01`), m.month.endsWith('-01') ? "MMM ''yy" : 'MMM') }));
  const peak = expiry.reduce<(typeof expiry)[number] | null>((b, m) => (b === null || m.count > b.count ? m : b), null);
  return (
    <section className="card" aria-labelledby="expiry-title">
      <h2 id="expiry-title" className="card-title">
        Expiring in the next 12 months
      </h2>
      <p className="chart-summary" data-testid="expiry-summary">
        {total === 0
          ? 'No counted entry leaves the window in the next 12 months.'
          : `${plural(total, 'counted entry leaves', 'counted entries leave')} the window in the next 12 months` +
            (peak && peak.count > 0 ? `, most in ${monthLabel(peak.month)} (${peak.count})` : '') +
            `. Within 30 days: ${expiringSoon.within30}; 60 days: ${expiringSoon.within60}; 90 days: ${expiringSoon.within90}.`}
      </p>
      <ChartFigure height={200} caption="Bar chart of counted entries expiring per month; the table below lists each month.">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 20, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} stroke="var(--border)" interval={0} />
            <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" />
            <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
            <Bar dataKey="count" name="Entries expiring" fill="var(--danger)" isAnimationActive={false}>
              <LabelList dataKey="count" position="top" fill="var(--text)" fontSize={12} formatter={(v: unknown) => (v ? String(v) : '')} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <table className="visually-hidden">
        <caption>Counted entries expiring per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Entries expiring</th>
          </tr>
        </thead>
        <tbody>
          {expiry.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthLabel(m.month)}</th>
              <td>{m.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
