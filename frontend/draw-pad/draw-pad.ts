import { LitElement, css, html, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** One stroke: points as fractions of the pad's side (0..1), so any resolution can redraw it. */
type Stroke = [number, number][];

/** What the `drawing` event carries: the ink on a side × side grid, base64 of the bytes. */
export interface DrawingDetail {
  side: number;
  /** Row-major intensities, 0 = paper .. 255 = ink; empty string after a clear. */
  ink: string;
  /** Strokes drawn since the last clear; 0 means the pad is empty. */
  strokes: number;
}

/**
 * Line width as a fraction of the side. MNIST strokes are thick: an average MNIST "3" has as
 * much ink as 112 full pixels. A "3" drawn over 80 % of the pad gets 72 at 1/14 of the side
 * and 94 at 1/10, so 1/10 looks more like what the network was trained on.
 */
const LINE_WIDTH = 1 / 10;
const INK_COLOUR = '#111';
const PAPER_COLOUR = '#fff';
const MIN_SIDE = 8;
const MAX_SIDE = 512;

/**
 * `<tp-draw-pad>`: a square of paper to draw on with mouse, pen or finger.
 *
 * At the end of each stroke it fires `drawing` (a bubbling CustomEvent whose detail is a
 * {@link DrawingDetail}) with the ink downsampled to `side` × `side` (default 112); nothing is
 * sent while the pointer moves. `clear()` (also the Clear button) empties the pad and fires
 * `drawing` with no ink and 0 strokes. Attribute `strokes` tells how many strokes are drawn.
 * The pad is as wide as the custom property `--tp-draw-pad-size` (default 252px).
 */
@customElement('tp-draw-pad')
export class TpDrawPad extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--lumo-space-xs, 4px);
    }
    :host([hidden]) {
      display: none;
    }
    canvas {
      display: block;
      width: var(--tp-draw-pad-size, 252px);
      height: var(--tp-draw-pad-size, 252px);
      background: ${unsafeCSS(PAPER_COLOUR)};
      border: 1px solid var(--lumo-contrast-30pct, #bbb);
      border-radius: var(--lumo-border-radius-m, 4px);
      box-sizing: content-box;
      /* Without this a finger would scroll the page instead of drawing. */
      touch-action: none;
      cursor: crosshair;
    }
    button {
      font: inherit;
      font-size: var(--lumo-font-size-s, 0.875rem);
      padding: var(--lumo-space-xs, 4px) var(--lumo-space-m, 12px);
      border: none;
      border-radius: var(--lumo-border-radius-m, 4px);
      background: var(--lumo-contrast-5pct, #eee);
      color: var(--lumo-primary-text-color, #1a5fb4);
      cursor: pointer;
    }
    button:hover {
      background: var(--lumo-contrast-10pct, #ddd);
    }
  `;

  /** Resolution of the grid sent to the server; the screen canvas is independent of it. */
  @property({ type: Number }) side = 112;

  private strokes: Stroke[] = [];
  private current: Stroke | undefined;
  private pointerId: number | undefined;
  private canvas: HTMLCanvasElement | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private dprQuery: MediaQueryList | undefined;

  /** Empties the pad; tells listeners with an empty `drawing` event unless `notify` is false. */
  clear(notify = true): void {
    this.strokes = [];
    this.endStroke(false);
    this.publishStrokeCount();
    this.paint();
    if (notify) {
      this.fire({ side: this.validSide(), ink: '', strokes: 0 });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.publishStrokeCount();
    if (this.hasUpdated) {
      this.watchSize(); // moved in the DOM: the strokes are kept, only the observers went
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endStroke(false);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.dprQuery?.removeEventListener('change', this.onPixelRatioChange);
    this.dprQuery = undefined;
  }

  protected override firstUpdated(): void {
    this.canvas = this.renderRoot.querySelector('canvas') ?? undefined;
    this.watchSize();
  }

  protected override render() {
    return html`
      <canvas
        part="canvas"
        role="img"
        aria-label="Drawing pad"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerCancel}
      ></canvas>
      <button part="clear-button" type="button" @click=${() => this.clear()}>Clear</button>
    `;
  }

  private readonly onPointerDown = (e: PointerEvent): void => {
    // One stroke at a time: a second finger or another mouse button does not draw.
    if (this.pointerId !== undefined || (e.pointerType === 'mouse' && e.button !== 0)) {
      return;
    }
    e.preventDefault();
    this.pointerId = e.pointerId;
    this.canvas?.setPointerCapture(e.pointerId);
    this.current = [this.toFraction(e)];
    this.strokes.push(this.current);
    this.paint();
  };

  private readonly onPointerMove = (e: PointerEvent): void => {
    if (e.pointerId !== this.pointerId || !this.current) {
      return;
    }
    // Coalesced events keep fast strokes smooth where the browser batches pointer moves.
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const moved of events.length > 0 ? events : [e]) {
      this.current.push(this.toFraction(moved));
    }
    this.paintStrokeTail(this.current, events.length > 0 ? events.length : 1);
  };

  private readonly onPointerUp = (e: PointerEvent): void => {
    if (e.pointerId === this.pointerId) {
      this.endStroke(true);
    }
  };

  private readonly onPointerCancel = (e: PointerEvent): void => {
    // The browser took the pointer (e.g. a system gesture): keep what was drawn, as on pointerup.
    if (e.pointerId === this.pointerId) {
      this.endStroke(true);
    }
  };

  private readonly onPixelRatioChange = (): void => {
    this.watchPixelRatio(); // the query is for one ratio; ask again for the new one
    this.resizeBackingStore();
  };

  private endStroke(send: boolean): void {
    if (this.pointerId !== undefined && this.canvas?.hasPointerCapture(this.pointerId)) {
      this.canvas.releasePointerCapture(this.pointerId);
    }
    const finished = this.current !== undefined;
    this.pointerId = undefined;
    this.current = undefined;
    if (send && finished) {
      this.publishStrokeCount();
      this.fire({ side: this.validSide(), ink: this.inkBase64(), strokes: this.strokes.length });
    }
  }

  private fire(detail: DrawingDetail): void {
    this.dispatchEvent(new CustomEvent<DrawingDetail>('drawing', { detail, bubbles: true }));
  }

  private toFraction(e: PointerEvent): [number, number] {
    const canvas = this.canvas!;
    const rect = canvas.getBoundingClientRect();
    const size = canvas.clientWidth || 1;
    // The rectangle includes the border; the drawing starts inside it.
    return [
      (e.clientX - rect.left - canvas.clientLeft) / size,
      (e.clientY - rect.top - canvas.clientTop) / size,
    ];
  }

  private watchSize(): void {
    if (!this.canvas || this.resizeObserver) {
      return;
    }
    this.resizeObserver = new ResizeObserver(() => this.resizeBackingStore());
    this.resizeObserver.observe(this.canvas);
    this.watchPixelRatio();
    this.resizeBackingStore();
  }

  private watchPixelRatio(): void {
    this.dprQuery?.removeEventListener('change', this.onPixelRatioChange);
    this.dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    this.dprQuery.addEventListener('change', this.onPixelRatioChange);
  }

  /** One canvas pixel per device pixel, so strokes are crisp on HiDPI screens and when zoomed. */
  private resizeBackingStore(): void {
    if (!this.canvas) {
      return;
    }
    const pixels = Math.max(1, Math.round(this.canvas.clientWidth * window.devicePixelRatio));
    if (this.canvas.width !== pixels || this.canvas.height !== pixels) {
      this.canvas.width = pixels;
      this.canvas.height = pixels;
    }
    this.paint();
  }

  /** Redraws everything on the screen canvas. */
  private paint(): void {
    const context = this.canvas?.getContext('2d');
    if (!context) {
      return;
    }
    paintStrokes(context, this.canvas!.width, this.strokes, PAPER_COLOUR);
  }

  /** Draws only the newest segments of the stroke being drawn: cheap enough for every move. */
  private paintStrokeTail(stroke: Stroke, added: number): void {
    const context = this.canvas?.getContext('2d');
    if (!context) {
      return;
    }
    const size = this.canvas!.width;
    setInk(context, size);
    context.beginPath();
    const from = Math.max(0, stroke.length - added - 1);
    context.moveTo(stroke[from]![0] * size, stroke[from]![1] * size);
    for (let i = from + 1; i < stroke.length; i++) {
      context.lineTo(stroke[i]![0] * size, stroke[i]![1] * size);
    }
    context.stroke();
  }

  /** The strokes drawn again on a side × side grid, as base64 of one byte per pixel. */
  private inkBase64(): string {
    const side = this.validSide();
    const grid = document.createElement('canvas');
    grid.width = side;
    grid.height = side;
    const context = grid.getContext('2d', { willReadFrequently: true });
    if (!context) {
      return '';
    }
    // On transparent paper the alpha channel is exactly the amount of ink, anti-aliasing included.
    paintStrokes(context, side, this.strokes, undefined);
    const rgba = context.getImageData(0, 0, side, side).data;
    const bytes = new Uint8Array(side * side);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = rgba[i * 4 + 3]!;
    }
    return toBase64(bytes);
  }

  private validSide(): number {
    const side = Math.round(Number(this.side));
    return Number.isFinite(side) ? Math.min(MAX_SIDE, Math.max(MIN_SIDE, side)) : 112;
  }

  private publishStrokeCount(): void {
    this.setAttribute('strokes', String(this.strokes.length));
  }
}

function setInk(context: CanvasRenderingContext2D, size: number): void {
  context.strokeStyle = INK_COLOUR;
  context.fillStyle = INK_COLOUR;
  context.lineWidth = size * LINE_WIDTH;
  context.lineCap = 'round';
  context.lineJoin = 'round';
}

/** Paper (or transparency when `paper` is undefined) and every stroke, on a size × size canvas. */
function paintStrokes(
  context: CanvasRenderingContext2D,
  size: number,
  strokes: Stroke[],
  paper: string | undefined,
): void {
  context.clearRect(0, 0, size, size);
  if (paper) {
    context.fillStyle = paper;
    context.fillRect(0, 0, size, size);
  }
  setInk(context, size);
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0]!;
    if (stroke.length === 1) {
      // A tap: a line of length zero draws nothing, so draw the round cap as a dot.
      context.beginPath();
      context.arc(x0 * size, y0 * size, (size * LINE_WIDTH) / 2, 0, 2 * Math.PI);
      context.fill();
      continue;
    }
    context.beginPath();
    context.moveTo(x0 * size, y0 * size);
    for (let i = 1; i < stroke.length; i++) {
      context.lineTo(stroke[i]![0] * size, stroke[i]![1] * size);
    }
    context.stroke();
  }
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  // In chunks: spreading a large array into one call can exceed the argument limit.
  const chunk = 0x2000;
  for (let i = 0; i < bytes.length; i += chunk) {
    text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(text);
}

declare global {
  interface HTMLElementTagNameMap {
    'tp-draw-pad': TpDrawPad;
  }
  interface HTMLElementEventMap {
    drawing: CustomEvent<DrawingDetail>;
  }
}
