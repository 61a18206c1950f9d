import { LitElement, css, html, svg, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** One node as the server lays it out (ui/autograd/AutogradGraphView). */
interface GraphNode {
  id: number;
  /** data: requires_grad=False; parameter: a leaf that requires grad; operation: a grad_fn. */
  kind: 'data' | 'parameter' | 'operation';
  name: string;
  /** PyTorch's shape, e.g. "[64, 784]"; "scalar" for the loss. */
  shape: string;
  inputs: number[];
  row: number;
  col: number;
  /** Steps backward takes from the loss to reach this node (the loss is 0). */
  level: number;
  /** Index into the gradient norms for a parameter, else -1. */
  parameter: number;
  inLoss: boolean;
}

interface Graph {
  nodes: GraphNode[];
  /** The criterion's code, written beside the nodes it records. */
  criterion: string;
}

interface Backward {
  step: number;
  /** ‖.grad‖ of each parameter tensor, in the order of GraphNode.parameter. */
  grads: number[];
}

const COLUMN = 168;
const NODE_WIDTH = 152;
const ROW = 58;
const NODE_HEIGHT = 40;
const LEAF_HEIGHT = 52;
const MARGIN = 8;
/** Room above the graph for the legend. */
const LEGEND = 30;
/** How long backward takes to go one operation further: slow enough to follow by eye. */
const LEVEL_MILLIS = 160;

/**
 * `<tp-autograd-graph>`: the graph autograd records in the forward pass, from the input batch
 * (top) to the loss (bottom), drawn as SVG. Set `graph` (JSON, see Graph) to draw it; set
 * `backward` (JSON, see Backward) after a step and the backward pass runs from the loss up to
 * the leaves, where each parameter's gradient norm appears. Attributes for tests and scripts:
 * `data-nodes` (nodes drawn) and `data-backward-step` (the step whose backward has arrived).
 */
@customElement('tp-autograd-graph')
export class TpAutogradGraph extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 520px;
      width: 100%;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
      font-family: var(--lumo-font-family-monospace, ui-monospace, monospace);
    }
    .node rect {
      fill: #eef2f7;
      stroke: #5b6b7f;
      stroke-width: 1.2;
    }
    .node.parameter rect {
      fill: #e6f4ea;
      stroke: #2e7d32;
    }
    .node.data rect {
      fill: #f6f6f6;
      stroke: #8a8a8a;
      stroke-dasharray: 4 3;
    }
    .node.loss rect {
      fill: #fff3e0;
      stroke: #b34700;
    }
    .node.reached rect {
      stroke: #c2410c;
      stroke-width: 2.6;
    }
    .name {
      font-size: 12px;
      font-weight: 600;
      fill: #1a1a1a;
    }
    .shape {
      font-size: 11px;
      fill: #444;
    }
    .grad {
      font-size: 11px;
      fill: #9a3412;
      font-weight: 600;
    }
    .grad.none {
      fill: #666;
      font-weight: 400;
    }
    .edge {
      stroke: #7b8794;
      stroke-width: 1.2;
      fill: none;
    }
    .edge.reached {
      stroke: #c2410c;
      stroke-width: 2.4;
    }
    .criterion rect {
      fill: none;
      stroke: #b34700;
      stroke-dasharray: 5 4;
    }
    .criterion text {
      font-size: 11px;
      fill: #9a3412;
    }
    @media (prefers-reduced-motion: no-preference) {
      .node rect,
      .edge {
        transition: stroke 0.15s, stroke-width 0.15s;
      }
    }
  `;

  @property() graph = '';
  @property() backward = '';

  @state() private parsed: Graph | null = null;
  /** Levels backward has reached so far; -1 before it starts. */
  @state() private reached = -1;
  @state() private grads: number[] | null = null;

  private timer: number | undefined;
  private shownStep = -1;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('graph')) {
      this.parsed = this.graph ? (JSON.parse(this.graph) as Graph) : null;
      this.stopAnimation();
      this.reached = -1;
      this.grads = null;
      this.shownStep = -1;
    }
    if (changed.has('backward') && this.backward) {
      const backward = JSON.parse(this.backward) as Backward;
      if (backward.step !== this.shownStep) {
        this.shownStep = backward.step;
        this.runBackward(backward);
      }
    } else if (changed.has('backward')) {
      this.stopAnimation();
      this.reached = -1;
      this.grads = null;
      this.removeAttribute('data-backward-step');
    }
  }

  override updated() {
    this.setAttribute('data-nodes', String(this.parsed ? this.parsed.nodes.length : 0));
  }

  override disconnectedCallback() {
    this.stopAnimation();
    super.disconnectedCallback();
  }

  private stopAnimation() {
    if (this.timer !== undefined) {
      window.clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Lights the graph up from the loss back to the leaves, one operation at a time. */
  private runBackward(backward: Backward) {
    this.stopAnimation();
    const deepest = Math.max(0, ...(this.parsed?.nodes ?? []).map((n) => n.level));
    const arrive = () => {
      this.grads = backward.grads;
      this.setAttribute('data-backward-step', String(backward.step));
    };
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.reached = deepest;
      arrive();
      return;
    }
    this.reached = 0;
    this.timer = window.setInterval(() => {
      this.reached++;
      if (this.reached >= deepest) {
        this.stopAnimation();
        arrive();
      }
    }, LEVEL_MILLIS);
  }

  override render() {
    const graph = this.parsed;
    if (!graph) {
      return nothing;
    }
    const rows = Math.max(...graph.nodes.map((n) => n.row)) + 1;
    const cols = Math.max(...graph.nodes.map((n) => n.col)) + 1;
    const width = cols * COLUMN + 2 * MARGIN;
    const height = LEGEND + rows * ROW + 2 * MARGIN;
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const inLoss = graph.nodes.filter((n) => n.inLoss);
    return html`<svg
      viewBox="0 0 ${width} ${height}"
      role="img"
      aria-label=${this.describe(graph)}
    >
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
          orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#7b8794"></path>
        </marker>
      </defs>
      ${this.legend()}
      ${inLoss.length ? this.criterionBox(inLoss, graph.criterion, width) : nothing}
      ${graph.nodes.flatMap((n) => n.inputs.map((i) => this.edge(byId.get(i)!, n)))}
      ${graph.nodes.map((n) => this.node(n, graph.nodes[graph.nodes.length - 1].id))}
    </svg>`;
  }

  private legend() {
    const entries: [string, string][] = [
      ['operation', 'operation: grad_fn'],
      ['parameter', 'leaf, requires grad'],
      ['data', 'no grad'],
    ];
    return entries.map(
      ([kind, text], i) => svg`<g class="node ${kind}">
        <rect x=${MARGIN + i * COLUMN} y=${MARGIN} width="14" height="14" rx="3"></rect>
        <text class="shape" x=${MARGIN + i * COLUMN + 20} y=${MARGIN + 11}>${text}</text>
      </g>`
    );
  }

  private describe(graph: Graph): string {
    const operations = graph.nodes.filter((n) => n.kind === 'operation').map((n) => n.name);
    return `The autograd graph: ${operations.join(', ')}`;
  }

  private criterionBox(nodes: GraphNode[], criterion: string, width: number) {
    const top = LEGEND + Math.min(...nodes.map((n) => n.row)) * ROW + MARGIN - 6;
    const bottom = LEGEND + Math.max(...nodes.map((n) => n.row)) * ROW + MARGIN + NODE_HEIGHT + 6;
    return svg`<g class="criterion">
      <rect x="2" y=${top} width=${width - 4} height=${bottom - top} rx="8"></rect>
      <text x=${width - 8} y=${bottom - 6} text-anchor="end">${criterion}</text>
    </g>`;
  }

  private x(node: GraphNode) {
    return MARGIN + node.col * COLUMN;
  }

  private y(node: GraphNode) {
    return LEGEND + MARGIN + node.row * ROW;
  }

  private heightOf(node: GraphNode) {
    return node.kind === 'parameter' ? LEAF_HEIGHT : NODE_HEIGHT;
  }

  /** The forward direction: from the tensor an operation takes to the operation. */
  private edge(from: GraphNode, to: GraphNode) {
    const reached = this.reached >= 0 && from.kind !== 'data' && from.level <= this.reached;
    let x1: number, y1: number, x2: number, y2: number;
    if (from.col === to.col) {
      x1 = x2 = this.x(from) + NODE_WIDTH / 2;
      y1 = this.y(from) + this.heightOf(from);
      y2 = this.y(to);
    } else {
      // From a side input on the right to the left edge of its operation.
      x1 = this.x(from);
      y1 = this.y(from) + this.heightOf(from) / 2;
      x2 = this.x(to) + NODE_WIDTH;
      y2 = this.y(to) + NODE_HEIGHT / 2;
    }
    return svg`<line class="edge ${reached ? 'reached' : ''}" x1=${x1} y1=${y1} x2=${x2} y2=${y2}
      marker-end="url(#arrow)"></line>`;
  }

  private node(n: GraphNode, lossId: number) {
    const reached = this.reached >= 0 && n.kind !== 'data' && n.level <= this.reached;
    const classes = `node ${n.kind} ${n.id === lossId ? 'loss' : ''} ${reached ? 'reached' : ''}`;
    const x = this.x(n);
    const y = this.y(n);
    const detail = n.kind === 'data' ? `${n.shape} · no grad` : n.shape;
    let grad: unknown = nothing;
    if (n.kind === 'parameter') {
      const value = this.grads?.[n.parameter];
      grad =
        value === undefined
          ? svg`<text class="grad none" x=${x + 8} y=${y + 46}>.grad: None</text>`
          : svg`<text class="grad" x=${x + 8} y=${y + 46}>‖.grad‖ = ${format(value)}</text>`;
    }
    return svg`<g class=${classes} data-name=${n.name}>
      <rect x=${x} y=${y} width=${NODE_WIDTH} height=${this.heightOf(n)} rx="6"></rect>
      <text class="name" x=${x + 8} y=${y + 16}>${n.name}</text>
      <text class="shape" x=${x + 8} y=${y + 31}>${detail}</text>
      ${grad}
    </g>`;
  }
}

/** Three significant digits, as the step-through's tables show them. */
function format(value: number): string {
  if (!Number.isFinite(value)) {
    return '–';
  }
  const size = Math.abs(value);
  if (value === 0 || (size >= 0.01 && size < 1000)) {
    return value.toPrecision(3);
  }
  return value.toExponential(2).replace(/e([+-])0*(\d)/, 'e$1$2').replace('e+', 'e');
}

declare global {
  interface HTMLElementTagNameMap {
    'tp-autograd-graph': TpAutogradGraph;
  }
}
