import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

// Only what our line, scatter and heatmap charts need, so the bundle does not carry all of
// ECharts. LegacyGridContainLabel keeps `grid.containLabel: true` working in ECharts 6;
// AriaComponent writes each chart's description into its aria-label.
echarts.use([
  AriaComponent,
  LineChart,
  ScatterChart,
  HeatmapChart,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  LegacyGridContainLabel,
  CanvasRenderer,
]);

type JsonObject = Record<string, unknown>;

/** What the server's appendPoints sends: x-values and one y row per series (null = gap). */
interface AppendedPoints {
  x: (number | null)[];
  y: (number | null)[][];
}

const TOOLTIP_SIGNIFICANT_DIGITS = 4;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ECharts accepts a single object wherever a list of components or series is allowed. */
function asList(value: unknown): JsonObject[] {
  if (Array.isArray(value)) {
    return value.filter(isJsonObject);
  }
  return isJsonObject(value) ? [value] : [];
}

function formatTooltipValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map(formatTooltipValue).join(', ');
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value.toPrecision(TOOLTIP_SIGNIFICANT_DIGITS) : '–';
  }
  return value === null || value === undefined || value === '-' ? '–' : String(value);
}

/** Functions cannot travel in JSON, so the exact-value tooltip formatter is added here. */
function withValueFormatter(tooltip: unknown): unknown {
  const addFormatter = (t: JsonObject): JsonObject =>
    'valueFormatter' in t ? t : { ...t, valueFormatter: formatTooltipValue };
  if (Array.isArray(tooltip)) {
    return tooltip.map((t: unknown) => (isJsonObject(t) ? addFormatter(t) : t));
  }
  return isJsonObject(tooltip) ? addFormatter(tooltip) : tooltip;
}

/** The x of one ECharts data item: [x, y], {value: [x, y]}, or a plain y at its index. */
function xOfDataItem(item: unknown, index: number): unknown {
  if (Array.isArray(item)) {
    return item[0];
  }
  if (isJsonObject(item) && Array.isArray(item['value'])) {
    return (item['value'] as unknown[])[0];
  }
  return index;
}

/**
 * `<tp-echart>`: an ECharts chart whose series data live here, in the browser.
 *
 * The server sets `optionJson` (the complete base option) and streams points with
 * `appendPoints(json)`; `clearPoints()` empties the series. `setSeriesData(index, json)` and
 * `setGridValues(index, columns, json)` replace the data of one series only. The element survives being
 * moved in the DOM: the chart instance is disposed on disconnect and rebuilt from the
 * remembered option and data on reconnect. Attribute `data-points` tells how many distinct
 * x-values are drawn.
 */
@customElement('tp-echart')
export class TpEChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      width: 100%;
      min-height: 240px;
    }
    :host([hidden]) {
      display: none;
    }
    /* Absolute so the chart fills the host whether its height is set or only the minimum. */
    #chart {
      position: absolute;
      inset: 0;
    }
  `;

  private chart: echarts.ECharts | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private optionText = '';
  private baseOption: JsonObject | undefined;
  /** Per series (option order): everything drawn, option-provided data first. */
  private seriesData: unknown[][] = [];
  private readonly distinctX = new Set<unknown>();
  private dataFrameRequest: number | undefined;
  /** Series whose data changed since the last draw; 'all' after appends and clears. */
  private dirtySeries: Set<number> | 'all' = 'all';

  get optionJson(): string {
    return this.optionText;
  }

  /** Parses (never evaluates) and applies a new base option; see EChart.setOption. */
  set optionJson(json: string) {
    this.optionText = json ?? '';
    const parsed: unknown = this.optionText === '' ? undefined : JSON.parse(this.optionText);
    this.baseOption = isJsonObject(parsed) ? parsed : undefined;
    const series = asList(this.baseOption?.['series']);
    // A series with data in the option starts from it; otherwise appended points survive
    // the option change (e.g. switching the y axis to log scale).
    this.seriesData = series.map((s, i) =>
      Array.isArray(s['data']) ? [...(s['data'] as unknown[])] : (this.seriesData[i] ?? []),
    );
    this.recountDistinctX();
    this.applyWholeOption();
  }

  /** Appends points sent by the server as compact JSON (see AppendedPoints). */
  appendPoints(json: string): void {
    const points = JSON.parse(json) as AppendedPoints;
    const xs = points.x ?? [];
    const rows = points.y ?? [];
    for (let s = 0; s < rows.length; s++) {
      if (this.seriesData[s] === undefined) {
        this.seriesData[s] = [];
      }
    }
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (x === null || x === undefined) {
        continue; // no place to draw it
      }
      this.distinctX.add(x);
      for (let s = 0; s < rows.length; s++) {
        // null stays in the data so the line shows a gap instead of bridging it.
        this.seriesData[s]!.push([x, rows[s]?.[i] ?? null]);
      }
    }
    this.publishPointCount();
    this.dirtySeries = 'all';
    this.scheduleDataUpdate();
  }

  /** Empties every series; the option stays. */
  clearPoints(): void {
    this.seriesData = this.seriesData.map(() => []);
    this.distinctX.clear();
    this.publishPointCount();
    this.dirtySeries = 'all';
    this.scheduleDataUpdate();
  }

  /** Replaces one series' data with a JSON array in ECharts data format. */
  setSeriesData(index: number, json: string): void {
    const data: unknown = JSON.parse(json);
    if (Array.isArray(data)) {
      this.replaceSeriesData(index, data);
    }
  }

  /**
   * Replaces one heatmap series' data with a grid sent as bare numbers, row after row:
   * value i becomes the item [i % columns, floor(i / columns), value]; null leaves it empty.
   */
  setGridValues(index: number, columns: number, json: string): void {
    const values: unknown = JSON.parse(json);
    if (!Array.isArray(values) || !(columns > 0)) {
      return;
    }
    const items: number[][] = [];
    values.forEach((value: unknown, i: number) => {
      if (typeof value === 'number') {
        items.push([i % columns, Math.floor(i / columns), value]);
      }
    });
    this.replaceSeriesData(index, items);
  }

  override connectedCallback(): void {
    // Flow may set optionJson before this class is defined; that value shadows the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'optionJson')) {
      const early = (this as unknown as { optionJson: string }).optionJson;
      delete (this as unknown as { optionJson?: string }).optionJson;
      this.optionJson = early;
    }
    super.connectedCallback();
    this.publishPointCount();
    if (this.hasUpdated) {
      this.createChart(); // re-attached after a disconnect
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disposeChart();
  }

  protected override firstUpdated(): void {
    this.createChart();
  }

  protected override render() {
    return html`<div id="chart"></div>`;
  }

  private createChart(): void {
    const container = this.renderRoot.querySelector<HTMLDivElement>('#chart');
    if (!container || this.chart) {
      return;
    }
    this.chart = echarts.init(container, undefined, { renderer: 'canvas' });
    this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
    this.resizeObserver.observe(this);
    this.applyWholeOption();
  }

  private disposeChart(): void {
    if (this.dataFrameRequest !== undefined) {
      cancelAnimationFrame(this.dataFrameRequest);
      this.dataFrameRequest = undefined;
    }
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Base option plus our data, replacing whatever the chart showed. */
  private applyWholeOption(): void {
    if (!this.chart || !this.baseOption) {
      return;
    }
    const option: JsonObject = {
      ...this.baseOption,
      series: asList(this.baseOption['series']).map((s, i) => ({
        ...s,
        data: this.seriesData[i] ?? [],
      })),
    };
    if ('tooltip' in option) {
      option['tooltip'] = withValueFormatter(option['tooltip']);
    }
    if (!('aria' in option)) {
      // ECharts then describes the chart (its title, series and values) in an aria-label.
      option['aria'] = { enabled: true };
    }
    this.chart.setOption(option, { notMerge: true });
  }

  private replaceSeriesData(index: number, data: unknown[]): void {
    if (!Number.isInteger(index) || index < 0) {
      return;
    }
    while (this.seriesData.length <= index) {
      this.seriesData.push([]);
    }
    this.seriesData[index] = data;
    this.recountDistinctX();
    if (this.dirtySeries !== 'all') {
      this.dirtySeries.add(index);
    }
    this.scheduleDataUpdate();
  }

  /** Several appends in one server response (or while the tab is hidden) draw once. */
  private scheduleDataUpdate(): void {
    if (this.dataFrameRequest !== undefined || !this.chart) {
      return;
    }
    this.dataFrameRequest = requestAnimationFrame(() => {
      this.dataFrameRequest = undefined;
      this.applyData();
    });
  }

  /**
   * Merges only the changed series' data into the chart; the rest of the option is untouched.
   * An empty object leaves its series as it is, so unchanged points are not processed again.
   */
  private applyData(): void {
    const dirty = this.dirtySeries;
    this.dirtySeries = new Set<number>();
    if (!this.chart || !this.baseOption) {
      return;
    }
    const seriesCount = asList(this.baseOption['series']).length;
    this.chart.setOption({
      series: this.seriesData
        .slice(0, seriesCount)
        .map((data, i) => (dirty === 'all' || dirty.has(i) ? { data } : {})),
    });
  }

  private recountDistinctX(): void {
    this.distinctX.clear();
    for (const data of this.seriesData) {
      data.forEach((item, index) => {
        const x = xOfDataItem(item, index);
        if (x !== null && x !== undefined) {
          this.distinctX.add(x);
        }
      });
    }
    this.publishPointCount();
  }

  private publishPointCount(): void {
    this.setAttribute('data-points', String(this.distinctX.size));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tp-echart': TpEChart;
  }
}
