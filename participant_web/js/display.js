// The projector: block, big countdown, the join QR, the approved answers of the open question, the summary.

import { Connection } from "./connection.js";
import { currentLang, onLangChange, preferredLang, promptOptions, promptText, setLang, t } from "./i18n.js";
import { everyHalfSecond, formatClock, remaining, stampTimer, urgency } from "./clock.js";
import { badge, byId, el, show } from "./elements.js";

const token = new URLSearchParams(location.search).get("token") || "";
let view = null;
let timer = null;

const conn = new Connection({
  hello: () => ({ type: "hello", role: "display", token, lang: currentLang() }),
  onMessage(message) {
    if (message.type === "state/reset" || message.type === "state/update") {
      view = message.state;
      timer = stampTimer(view.timer);
      draw();
    }
  },
  statusEl: byId("conn"),
});

function mode() {
  if (view.summary && view.summary.shown) return "summary";
  if (view.prompt && view.prompt.kind === "open") return "prompt";
  if (view.prompt) return "tally";
  return "join";
}

function draw() {
  if (!view) return;
  const block = view.block || {};
  byId("block-title").textContent = block.title || "";
  byId("block-index").textContent = block.count ? t("display.block_of", { n: block.index + 1, count: block.count }) : "";
  const current = mode();
  document.body.dataset.mode = current;
  show(byId("question-area"), current === "prompt");
  show(byId("summary"), current === "summary");
  show(byId("tally-area"), current === "tally");
  if (view.prompt) byId("question").textContent = promptText(view.prompt);
  if (current === "tally") drawTally();
  drawWall(current === "prompt" ? view.contributions || [] : []);
  drawSummary();
  drawJoin();
  drawConnected();
  drawClock();
}

function drawWall(items) {
  const wall = byId("wall");
  wall.replaceChildren();
  for (const item of items) {
    const count = Number(item.count) || 0;
    wall.append(el("li", { class: item.pinned ? "card pinned" : "card", dataset: { role: item.role || "none" } },
      el("p", { class: "card-text" }, item.text),
      count > 0 ? badge(count, t("display.recognised_by", { n: count })) : null));
  }
  show(byId("wall-empty"), items.length === 0);
  // Long walls get smaller type so nothing falls off the screen.
  wall.dataset.size = items.length > 12 ? "s" : items.length > 6 ? "m" : "l";
}

/** Answers per value of a rating or choice question, as bars (a <progress> needs no inline style). */
function drawTally() {
  byId("tally-question").textContent = promptText(view.prompt);
  const tally = view.tally || { counts: [], total: 0 };
  const labels = view.prompt.kind === "rating" ? ["1", "2", "3", "4", "5"] : promptOptions(view.prompt);
  const list = byId("tally");
  list.replaceChildren();
  labels.forEach((label, index) => {
    const count = Number(tally.counts && tally.counts[index]) || 0;
    list.append(el("li", {},
      el("span", { class: "tally-label" }, label),
      el("progress", { max: Math.max(1, tally.total || 0), value: count, "aria-label": label }),
      el("span", { class: "tally-count" }, String(count))));
  });
  const total = Number(tally.total) || 0;
  byId("tally-total").textContent = t(total === 1 ? "display.answers_one" : "display.answers", { n: total });
}

function drawSummary() {
  const points = byId("points");
  points.replaceChildren();
  const list = (view.summary && view.summary.points) || [];
  for (const point of list) points.append(el("li", {}, typeof point === "string" ? point : point.text || ""));
}

function drawJoin() {
  const join = view.join || {};
  byId("join-url").textContent = join.url ? join.url.replace(/^https?:\/\//, "") : location.host;
  byId("room-code").textContent = join.room || "";
}

function drawConnected() {
  const c = view.connected || {};
  const total = (c.parent || 0) + (c.staff || 0) + (c.unknown || 0);
  byId("connected").textContent = t(total === 1 ? "display.connected_one" : "display.connected", { n: total });
}

function drawClock() {
  if (!view || !timer) return;
  const node = byId("clock");
  node.textContent = formatClock(remaining(timer));
  node.dataset.urgency = urgency(timer);
  node.dataset.running = timer.running ? "yes" : "no";
}

async function start() {
  await setLang(preferredLang());
  onLangChange(draw);
  conn.start();
  everyHalfSecond(drawClock);
}

start();
