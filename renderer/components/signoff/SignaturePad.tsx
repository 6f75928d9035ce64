// A drawn signature: pointer events on a canvas, so mouse, pen and touch all work the same way.
// The ink is dark on a white ground whatever the theme, so the PNG prints like ink on paper.
import { useEffect, useRef, useState, type PointerEvent } from 'react';

const WIDTH = 560;
const HEIGHT = 170;

export function SignaturePad(props: { label: string; onChange: (pngDataUrl: string | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [empty, setEmpty] = useState(true);
  const hasInk = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    // Draw at device resolution so the stroke stays crisp on high-DPI screens.
    const ratio = Math.max(1, Math.min(2, window.devicePixelRatio || 1));
    c.width = WIDTH * ratio;
    c.height = HEIGHT * ratio;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    clear();
  }, []);

  function context() {
    return canvas.current?.getContext('2d') ?? null;
  }

  function point(e: PointerEvent<HTMLCanvasElement>) {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * WIDTH, y: ((e.clientY - r.top) / r.height) * HEIGHT };
  }

  function clear() {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = '#c9c5bb';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(24, HEIGHT - 36);
    ctx.lineTo(WIDTH - 24, HEIGHT - 36);
    ctx.stroke();
    hasInk.current = false;
    setEmpty(true);
    props.onChange(null);
  }

  function down(e: PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    last.current = point(e);
    const ctx = context();
    if (ctx && last.current) {
      ctx.fillStyle = '#14181b';
      ctx.beginPath();
      ctx.arc(last.current.x, last.current.y, 1.2, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  function move(e: PointerEvent<HTMLCanvasElement>) {
    if (!drawing.current || !last.current) return;
    const ctx = context();
    if (!ctx) return;
    const p = point(e);
    ctx.strokeStyle = '#14181b';
    ctx.lineWidth = e.pointerType === 'pen' ? 1.6 + e.pressure * 1.6 : 2.4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(last.current.x, last.current.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last.current = p;
    if (!hasInk.current) {
      hasInk.current = true;
      setEmpty(false);
    }
  }

  function up() {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    if (hasInk.current && canvas.current) props.onChange(canvas.current.toDataURL('image/png'));
  }

  return (
    <div className="so-pad">
      <canvas
        ref={canvas}
        className="so-canvas"
        role="img"
        aria-label={`${props.label}: draw with a mouse, pen or finger`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="row so-pad-actions">
        <span className="small muted" aria-live="polite">
          {empty ? 'Sign above the line.' : 'Signature drawn.'}
        </span>
        <button type="button" className="btn" onClick={clear} disabled={empty}>
          Clear signature
        </button>
      </div>
    </div>
  );
}
