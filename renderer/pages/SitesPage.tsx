// Sites: the outreach pipeline board, site variety, the compliance wallet and the per-site matrix.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { allowedMoves } from '../../shared/sites/pipeline';
import { SITE_STATUS_LABELS, type SiteRecord, type SiteStatus } from '../../shared/sites/types';
import { api } from '../api';
import { ComplianceMatrix } from '../components/sites/ComplianceMatrix';
import { ComplianceWallet } from '../components/sites/ComplianceWallet';
import { takeSiteToOpen, takeTabToOpen } from '../components/sites/format';
import { PipelineBoard } from '../components/sites/PipelineBoard';
import { SiteDetail } from '../components/sites/SiteDetail';
import { MergeSite } from '../components/sites/MergeSite';
import { SiteForm } from '../components/sites/SiteForm';
import { VarietyView } from '../components/sites/VarietyView';
import { Banner, PageHeader, useToast } from '../components/ui';
import { useResult } from '../hooks/useResult';
import '../styles/sites.css';

const TABS = [
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'variety', label: 'Site variety' },
  { id: 'wallet', label: 'Compliance wallet' },
  { id: 'matrix', label: 'Requirements by site' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function SitesPage() {
  const [tab, setTab] = useState<TabId>(() => {
    const asked = takeTabToOpen();
    return TABS.find((t) => t.id === asked)?.id ?? 'pipeline';
  });
  const sites = useResult(() => api.sites.list(), []);
  const followUps = useResult(() => api.sites.followUps(), []);
  const matrix = useResult(() => api.compliance.matrix(), []);
  const [selectedId, setSelectedId] = useState<number | null>(() => takeSiteToOpen());
  const [adding, setAdding] = useState(false);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const detailRef = useRef<HTMLDivElement>(null);
  const toast = useToast();

  const list = sites.value ?? [];
  const selected = list.find((s) => s.id === selectedId) ?? null;

  function reloadAll() {
    void sites.reload();
    void followUps.reload();
    void matrix.reload();
  }

  useEffect(() => {
    if (selected) detailRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected?.id]);

  function moved(site: SiteRecord, from: SiteStatus) {
    reloadAll();
    const canUndo = allowedMoves(site.status).includes(from);
    toast(
      `Moved ${site.name} to ${SITE_STATUS_LABELS[site.status].toLowerCase()}.`,
      canUndo ? { label: 'Undo', run: () => void api.sites.move({ id: site.id, to: from }).then(reloadAll) } : undefined,
    );
  }

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = TABS[(index + delta + TABS.length) % TABS.length]!;
    setTab(next.id);
    tabRefs.current[next.id]?.focus();
  }

  return (
    <div className="page sites-page">
      <PageHeader
        title="Sites"
        subtitle="Clinical sites, outreach, what each one offers, and your compliance documents."
        actions={
          tab === 'pipeline' ? (
            <button className="btn btn-primary" type="button" onClick={() => setAdding((v) => !v)} aria-expanded={adding}>
              {adding ? 'Close the form' : 'Add a site'}
            </button>
          ) : null
        }
      />
      <div className="sites-tabs" role="tablist" aria-label="Sites views">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            id={`tab-${t.id}`}
            className="sites-tab"
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
            {t.id === 'matrix' && matrix.value?.some((r) => r.gaps > 0) ? <span className="badge badge-danger">gaps</span> : null}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="stack">
        {sites.error ? <Banner tone="error">{sites.error.message}</Banner> : null}
        {tab === 'pipeline' ? (
          <>
            {adding ? (
              <section className="card" aria-label="Add a site">
                <h2 className="card-title">Add a site</h2>
                <SiteForm
                  onSaved={(site) => {
                    setAdding(false);
                    toast(`Added ${site.name} as a ${SITE_STATUS_LABELS[site.status].toLowerCase()}.`);
                    reloadAll();
                  }}
                  onCancel={() => setAdding(false)}
                />
              </section>
            ) : null}
            {list.length === 0 && !sites.loading && !adding ? (
              <p className="empty">No sites yet. Add the hospitals, imaging centers and clinics you are considering.</p>
            ) : null}
            {list.length > 0 ? (
              <PipelineBoard sites={list} followUps={followUps.value ?? []} selectedId={selectedId} onOpen={setSelectedId} onMoved={moved} />
            ) : null}
            <div ref={detailRef} className="stack">
              {selected ? <SiteDetail key={selected.id} site={selected} onChanged={reloadAll} onMoved={moved} onClose={() => setSelectedId(null)} /> : null}
              {selected ? (
                <MergeSite
                  key={`merge-${selected.id}`}
                  site={selected}
                  sites={list}
                  onMerged={(kept) => {
                    setSelectedId(kept);
                    reloadAll();
                  }}
                />
              ) : null}
            </div>
          </>
        ) : null}
        {tab === 'variety' ? <VarietyView /> : null}
        {tab === 'wallet' ? <ComplianceWallet onChanged={() => void matrix.reload()} /> : null}
        {tab === 'matrix' ? <ComplianceMatrix key={JSON.stringify(matrix.value)} rows={matrix.value} error={matrix.error?.message ?? null} onRows={() => void matrix.reload()} /> : null}
      </div>
    </div>
  );
}
