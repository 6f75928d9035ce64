// One bar per category: done toward the requirement vs required. The visible numbers beside each
// bar are the text equivalent; the table below repeats them for screen readers.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../ChartFigure';
import type { CategoryBar } from '../../../shared/ipc/dashboard';

export function CategoryChart(props: { categories: CategoryBar[] }) {
  const rows = props.categories
    .filter((c) => c.required !== null && c.required > 0)
    .map((c) => ({
      name: c.name,
      done: c.credited ?? 0,
      left: c.remaining ?? 0,
      label: `${c.credited ?? 0} / ${c.required}`,
    }));
  const noRequirement = props.categories.filter((c) => c.required === 0);
  const summary = rows.map((r) => `${r.name} ${r.label}`).join('; ');
  return (
    <section className="card" aria-labelledby="categories-title">
      <h2 id="categories-title" className="card-title">
        By category
      </h2>
      <ChartFigure height={Math.max(120, rows.length * 44 + 30)} caption={`Done toward each category's requirement: ${summary}.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }} barCategoryGap={10}>
            <CartesianGrid horizontal={false} stroke="var(--border)" />
            <XAxis type="number" allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" />
            <YAxis yAxisId="name" type="category" dataKey="name" width={170} tick={{ fill: 'var(--text)', fontSize: 13 }} stroke="var(--border)" />
            {/* The numbers sit on a second axis at the right, so they show even when a bar is full or empty. */}
            <YAxis
              yAxisId="label"
              orientation="right"
              type="category"
              dataKey="label"
              width={72}
              axisLine={false}
              tickLine={false}
              tick={{ fill: 'var(--text)', fontSize: 13, fontWeight: 650 }}
            />
            <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
            <Bar yAxisId="name" dataKey="done" name="Done" stackId="a" isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.name} fill={r.left === 0 ? 'var(--ok)' : 'var(--accent)'} />
              ))}
            </Bar>
            <Bar yAxisId="name" dataKey="left" name="Still needed" stackId="a" fill="var(--surface-2)" stroke="var(--border)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <table className="visually-hidden" data-testid="category-table">
        <caption>Progress by category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Done</th>
            <th scope="col">Required</th>
            <th scope="col">Counted entries</th>
          </tr>
        </thead>
        <tbody>
          {props.categories.map((c) => (
            <tr key={c.categoryId}>
              <th scope="row">{c.name}</th>
              <td>{c.credited ?? 'unknown'}</td>
              <td>{c.required ?? 'unknown'}</td>
              <td>{c.counted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {noRequirement.length > 0 ? (
        <p className="small muted">
          No repetitions needed yet in {noRequirement.map((c) => c.name).join(', ')} (electives there were not chosen).
        </p>
      ) : null}
    </section>
  );
}
