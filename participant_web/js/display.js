// The projector: block, big countdown, the join QR, the approved answers of the open question, the summary,
// the theme tables and, while a table presents, its points with its own countdown; the room's top questions to
// the school when the facilitator shows them.

import { Connection } from "./connection.js";
import { currentLang, onLangChange, preferredLang, promptOptions, promptText, setLang, t, tn } from "./i18n.js";
import { everyHalfSecond, formatClock, remaining, stampTimer, urgency } from "./clock.js";
import { badge, byId, el, show } from "./elements.js";
import { ViewState } from "./view-state.js";

const token = new URLSearchParams(location.search).get("token") || "";
let view = null;
let timer = null;
let tableTimer = null; // the presenting table's own clock

// Pinned first, then the most recognised, then the newest: the order the wall shows.
const wallOrder = (a, b) => Number(b.pinned) - Number(a.pinned) || (b.count || 0) - (a.count || 0) || b.n - a.n;
const viewState = new ViewState({ order: wallOrder, resync: () => conn.send({ type: "state/resync" }) });

const conn = new Connection({
  hello: () => ({ type: "hello", role: "display", token, lang: currentLang(), resume: viewState.resume() }),
  onMessage(message) {
    if (viewState.take(message)) {
      view = viewState.view;
      timer = stampTimer(view.timer);
      tableTimer = stampTimer(presenting() && presenting().timer);
      draw();
    }
  },
  statusEl: byId("conn"),
});

function presenting() {
  return (view && view.tables && view.tables.presentation && view.tables.presentation.presenting) || null;
}

function mode() {
  if (view.questions_on) return "questions"; // asked for by the facilitator, for the moment it is on
  if (view.summary && view.summary.shown) return "summary";
  if (presenting()) return "presenting";
  if (view.prompt && view.prompt.kind === "open") return "prompt";
  if (view.prompt) return "tally";
  if (view.tables && view.block && view.block.kind === "tables") return "tables";
  return "join";
}

function draw() {
  if (!view) return;
  const block = view.block || {};
  byId("block-title").textContent = (block.translations && block.translations[currentLang()]) || block.title || "";
  byId("block-index").textContent = block.count ? t("display.block_of", { n: block.index + 1, count: block.count }) : "";
  const current = mode();
  document.body.dataset.mode = current;
  show(byId("question-area"), current === "prompt");
  show(byId("questions-area"), current === "questions");
  show(byId("summary"), current === "summary");
  show(byId("tally-area"), current === "tally");
  show(byId("tables-area"), current === "tables");
  show(byId("presenting"), current === "presenting");
  show(byId("join"), current !== "presenting");
  if (current === "tables") drawTables();
  if (current === "presenting") drawPresenting();
  if (view.prompt) byId("question").textContent = promptText(view.prompt);
  if (current === "tally") drawTally();
  drawWall(current === "prompt" ? view.contributions || [] : []);
  drawQuestions(current === "questions" ? view.questions || [] : []);
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
      el("p", { class: "card-text", dir: "auto" }, item.text),
      count > 0 ? badge(count, tn("display.recognised_by", count)) : null));
  }
  show(byId("wall-empty"), items.length === 0);
  // Long walls get smaller type so nothing falls off the screen.
  wall.dataset.size = items.length > 12 ? "s" : items.length > 6 ? "m" : "l";
}

/** The room's top questions to the school, most upvoted first (the view keeps them in that order). */
function drawQuestions(items) {
  const wall = byId("questions-wall");
  wall.replaceChildren();
  for (const item of items) {
    const count = Number(item.count) || 0;
    wall.append(el("li", { class: "card" }, el("p", { class: "card-text", dir: "auto" }, item.text),
      count > 0 ? badge(count, tn("questions.votes", count)) : null));
  }
  show(byId("questions-empty"), items.length === 0);
  wall.dataset.size = "l";
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
  byId("tally-total").textContent = tn("display.answers", total);
}

function themeTitle(table) {
  return table.theme ? t("display.table_theme", { number: table.number, theme: table.theme.title })
    : t("display.table", { number: table.number });
}

/** Every table with its theme and how many sit there, so the room finds its place. */
function drawTables() {
  const grid = byId("tables-grid");
  grid.replaceChildren();
  const list = view.tables.list || [];
  for (const table of list) {
    grid.append(el("li", { class: "card table-card" },
      el("p", { class: "table-number" }, t("display.table", { number: table.number })),
      el("p", { class: "table-theme" }, table.theme ? table.theme.title : ""),
      el("p", { class: "table-size" }, tn("display.people", table.size))));
  }
  grid.dataset.size = list.length > 8 ? "s" : list.length > 4 ? "m" : "l";
}

/** The presenting table's points, big; its countdown takes the big clock. */
function drawPresenting() {
  const presentation = view.tables.presentation;
  const table = presentation.presenting;
  byId("presenting-count").textContent = t("display.presenting_count", {
    n: presentation.position + 1, count: presentation.count,
  });
  byId("presenting-title").textContent = themeTitle(table);
  const points = byId("presenting-points");
  points.replaceChildren(...(table.points || []).map((point) => el("li", {}, point)));
  points.dataset.size = table.points.length > 6 ? "s" : table.points.length > 3 ? "m" : "l";
  show(byId("presenting-empty"), !(table.points || []).length);
  const upcoming = presentation.next;
  byId("presenting-next").textContent = upcoming ? t("display.next_table", { table: themeTitle(upcoming) }) : "";
}

function drawSummary() {
  const summary = view.summary || {};
  const heardMode = summary.view === "heard";
  const points = byId("points");
  points.replaceChildren();
  const list = heardMode ? [] : summary.points || [];
  for (const point of list) points.append(el("li", {}, typeof point === "string" ? point : point.text || ""));
  show(points, !heardMode);
  const heard = byId("heard");
  heard.replaceChildren(...(heardMode ? summary.heard || [] : []).map(drawHeardQuestion));
  show(heard, heardMode);
}

// One question of "what did we hear": how many answers, from whom, and the most recognised ones.
function drawHeardQuestion(question) {
  const roles = question.roles || {};
  const items = (question.items || []).map((item) =>
    el("li", {}, el("span", { class: "text", dir: "auto" }, item.text),
      item.count ? badge(item.count, tn("display.recognised_by", item.count)) : ""));
  return el("section", { class: "heard-question" },
    el("h3", {}, promptText({ text: question.prompt, translations: question.translations })),
    el("p", { class: "heard-count" }, t("display.heard_count", {
      n: question.count, parents: roles.parent || 0, staff: roles.staff || 0,
    })),
    el("ul", { class: "heard-items" }, ...items));
}

function drawJoin() {
  const join = view.join || {};
  byId("join-url").textContent = join.url ? join.url.replace(/^https?:\/\//, "") : location.host;
  byId("room-code").textContent = join.room || "";
}

function drawConnected() {
  const c = view.connected || {};
  const total = (c.parent || 0) + (c.staff || 0) + (c.unknown || 0);
  byId("connected").textContent = tn("display.connected", total);
}

function drawClock() {
  const shown = presenting() && tableTimer ? tableTimer : timer;
  if (!view || !shown) return;
  const node = byId("clock");
  node.textContent = formatClock(remaining(shown));
  node.dataset.urgency = urgency(shown);
  node.dataset.running = shown.running ? "yes" : "no";
}

// The hall's Wi-Fi (kiosk run/serve --wifi): its QR code beside the join code, on the join screen only.
let wifiName = "";

async function showWifi() {
  const query = `token=${encodeURIComponent(token)}`;
  try {
    const response = await fetch(`/wifi.json?${query}`, { cache: "no-store" });
    if (!response.ok) return; // no --wifi: the join code alone
    wifiName = String((await response.json()).name || "");
  } catch {
    return;
  }
  byId("wifi-qr").src = `/wifi.svg?${query}`;
  drawWifi();
  document.body.dataset.wifi = "yes";
}

function drawWifi() {
  if (wifiName) byId("wifi-name").textContent = t("display.wifi_network", { name: wifiName });
}

async function start() {
  await setLang(preferredLang());
  onLangChange(draw);
  onLangChange(drawWifi);
  conn.start();
  everyHalfSecond(drawClock);
  showWifi();
}

start();
