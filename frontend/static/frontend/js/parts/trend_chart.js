// A small line chart of scores (0-100) over dates, as an accessible SVG (a title and a
// description that reads the numbers), with the same numbers as a list of text beside it.
import { h } from "../dom.js";
import { t } from "../i18n.js";

const NS = "http://www.w3.org/2000/svg";
const WIDTH = 320;
const HEIGHT = 140;
const PAD = 24;
let chartCounter = 0;

function svgEl(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  el.append(...children);
  return el;
}

export function formatDate(date) {
  return new Date(`${date}T12:00:00`).toLocaleDateString(document.documentElement.lang || undefined, { day: "numeric", month: "short", year: "numeric" });
}

// `points` are [{date, score}] oldest first.
export function trendChart(points, { title }) {
  const id = `chart-${++chartCounter}`;
  const described = points.map((point) => t("pulse.point", { date: formatDate(point.date), score: point.score })).join("; ");
  const x = (index) => (points.length === 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (score) => HEIGHT - PAD - (score / 100) * (HEIGHT - 2 * PAD);
  const svg = svgEl(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: "trend-chart", "data-testid": "trend-chart" },
    svgEl("title", { id: `${id}-title` }, title),
    svgEl("desc", { id: `${id}-desc` }, described),
    svgEl("line", { x1: PAD, y1: y(0), x2: WIDTH - PAD, y2: y(0), class: "axis" }),
    svgEl("line", { x1: PAD, y1: y(100), x2: WIDTH - PAD, y2: y(100), class: "axis faint" }),
    svgEl("text", { x: 2, y: y(0) + 4, class: "axis-label" }, "0"),
    svgEl("text", { x: 0, y: y(100) + 4, class: "axis-label" }, "100"),
  );
  if (points.length > 1) {
    svg.append(svgEl("polyline", { points: points.map((p, i) => `${x(i)},${y(p.score)}`).join(" "), class: "line" }));
  }
  points.forEach((point, index) => svg.append(svgEl("circle", { cx: x(index), cy: y(point.score), r: 4, class: "dot" })));
  return h(
    "figure",
    { class: "card trend" },
    svg,
    h("figcaption", {}, title),
    h("ol", { class: "trend-numbers", "data-testid": "trend-numbers" },
      points.map((point) => h("li", {}, t("pulse.point", { date: formatDate(point.date), score: point.score })))),
  );
}
