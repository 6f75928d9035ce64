// Wide tables scroll inside their own box (.table-wrap) rather than pushing the page sideways. A box
// that scrolls must be reachable by keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`): while
// it overflows it becomes a named, focusable region; when it fits again it goes back to plain markup.
// Started once by the shell, so every page's tables, including new ones, get this without code.
// It also measures bars marked data-sticky-bottom (see below).
const SELECTOR = '.table-wrap, [data-scroll-box]';
const MARK = 'data-scroll-region';

function nameFor(box: HTMLElement): string {
  const table = box.querySelector('table, [role="table"], [role="grid"]');
  const label = table?.getAttribute('aria-label') ?? table?.querySelector('caption')?.textContent?.trim();
  return label ? `${label} (scrolls)` : 'Scrollable table';
}

function update(box: HTMLElement): void {
  const overflows = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
  const ours = box.getAttribute(MARK) === 'auto';
  if (overflows && !box.hasAttribute('tabindex')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute(MARK, 'auto');
    if (!box.hasAttribute('role')) box.setAttribute('role', 'region');
    if (!box.hasAttribute('aria-label')) box.setAttribute('aria-label', nameFor(box));
  } else if (!overflows && ours) {
    box.removeAttribute('tabindex');
    box.removeAttribute(MARK);
    if (box.getAttribute('role') === 'region') box.removeAttribute('role');
    box.removeAttribute('aria-label');
  } else if (box.hasAttribute('tabindex') && !box.hasAttribute(MARK)) {
    // A page that made its box focusable itself: still counts as a keyboard scroll region.
    box.setAttribute(MARK, 'own');
  }
}

export function watchScrollRegions(root: HTMLElement): () => void {
  let queued = 0;
  const run = () => {
    queued = 0;
    root.querySelectorAll<HTMLElement>(SELECTOR).forEach(update);
    // A bar stuck to the bottom of the page (a save bar) must not hide the control that has focus
    // (WCAG 2.4.11): its height goes into --sticky-bottom, which the page's scroll-padding reads.
    let sticky = 0;
    root.querySelectorAll<HTMLElement>('[data-sticky-bottom]').forEach((bar) => {
      sticky = Math.max(sticky, bar.getBoundingClientRect().height);
    });
    root.style.setProperty('--sticky-bottom', `${Math.ceil(sticky)}px`);
  };
  const schedule = () => {
    if (!queued) queued = requestAnimationFrame(run);
  };
  const mo = new MutationObserver(schedule);
  mo.observe(root, { subtree: true, childList: true, characterData: true });
  const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
  ro?.observe(root);
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    mo.disconnect();
    ro?.disconnect();
    window.removeEventListener('resize', schedule);
    if (queued) cancelAnimationFrame(queued);
  };
}
