// The facilitator's remote: steer blocks and time, open questions, moderate what comes in, answer the room's
// questions to the school.

import { Connection } from "./connection.js";
import { bindSwitch, currentLang, has, onLangChange, preferredLang, promptText, setLang, t } from "./i18n.js";
import { everyHalfSecond, formatClock, remaining, stampTimer, urgency } from "./clock.js";
import { byId, el, show } from "./elements.js";
import { renderIncoming, renderPrompts } from "./remote-lists.js";
import { bindQuestions, drawQuestions, remoteQuestionOrder } from "./remote-questions.js";
import { bindTables, drawPresentationClock, drawTables } from "./remote-tables.js";
import { ViewState } from "./view-state.js";

const token = new URLSearchParams(location.search).get("token") || "";
let view = null;
let timer = null;
let refCount = 0;
const areas = new Map(); // ref -> the feedback line next to the control that sent it
const viewState = new ViewState({
  orders: { questions: remoteQuestionOrder },
  resync: () => conn.send({ type: "state/resync" }),
});
const PAGE = 200; // "Meer tonen" asks for this many more
let window_ = { status: null, prompt: null, limit: PAGE }; // what this remote asked to see

const conn = new Connection({
  hello: () => ({ type: "hello", role: "remote", token, lang: currentLang() }),
  onReady() {
    // A new connection starts with the default window: ask again for what this page was showing.
    if (window_.status !== null || window_.prompt !== null || window_.limit !== PAGE) askWindow();
  },
  onMessage(message) {
    if (viewState.take(message)) {
      view = viewState.view;
      timer = stampTimer(view.timer);
      draw();
    } else if (message.type === "error") {
      const key = `error.${message.code}`;
      const area = areas.get(message.ref);
      areas.delete(message.ref);
      feedback(has(key) ? t(key, message) : message.message || t("error.unknown"), "error", area);
    } else if (message.type === "ack") {
      const area = areas.get(message.ref);
      areas.delete(message.ref);
      feedback("", "ok", area);
    }
  },
  statusEl: byId("conn"),
});

function feedback(text, kind = "ok", area = "remote-feedback") {
  const node = byId(area);
  node.textContent = text;
  node.dataset.kind = kind;
}

/** Send a steering command; say so when the line is down instead of failing silently. */
function command(type, data = {}, area = "remote-feedback") {
  refCount += 1;
  const ref = `r${refCount}`;
  areas.set(ref, area);
  if (!conn.send({ type, ref, ...data })) feedback(t("phone.not_connected"), "error", area);
}

/** The tables section's commands answer next to its controls. */
const tablesCommand = Object.assign((type, data = {}) => command(type, data, "tables-feedback"), {
  say: (text, kind) => feedback(text, kind, "tables-feedback"),
});

function draw() {
  if (!view) return;
  const block = view.block || {};
  byId("block-title").textContent = (block.translations && block.translations[currentLang()]) || block.title || "";
  byId("block-index").textContent = block.count ? t("display.block_of", { n: block.index + 1, count: block.count }) : "";
  const running = Boolean(view.timer && view.timer.running);
  byId("startpause").textContent = t(running ? "remote.pause" : "remote.start");
  byId("startpause").setAttribute("aria-pressed", running ? "true" : "false");
  byId("prev").disabled = !block.index;
  byId("next").disabled = block.count !== undefined && block.index >= block.count - 1;
  byId("auto-approve").checked = Boolean(view.auto_approve);
  byId("summary-shown").checked = Boolean(view.summary && view.summary.shown);
  const c = view.connected || {};
  byId("connected").textContent = t("remote.connected", {
    parent: c.parent || 0, staff: c.staff || 0, unknown: c.unknown || 0,
  });
  const prompts = view.prompts || [];
  show(byId("no-prompts"), prompts.length === 0);
  renderPrompts(byId("prompts"), prompts, view, command);
  const incoming = view.contributions || [];
  show(byId("no-incoming"), incoming.length === 0);
  renderIncoming(byId("incoming"), incoming, command);
  drawWindow(incoming.length);
  drawTables(view);
  drawQuestions(view, command);
  drawClock();
}

/** Which contributions are shown, how many there are per status, and whether there is more. */
function drawWindow(shown) {
  const totals = view.totals || {};
  byId("incoming-totals").textContent = t("remote.totals", {
    pending: totals.pending || 0, approved: totals.approved || 0,
    hidden: totals.hidden || 0, withdrawn: totals.withdrawn || 0,
  });
  const matching = totals.matching || 0;
  byId("incoming-shown").textContent = matching > shown ? t("remote.showing", { shown, matching }) : "";
  show(byId("incoming-more"), matching > shown);
  const select = byId("filter-prompt");
  const prompts = [...(view.prompts || [])];
  if (view.prompt && !prompts.some((p) => p.id === view.prompt.id)) prompts.push(view.prompt);
  const wanted = JSON.stringify([prompts.map((p) => [p.id, promptText(p)]), currentLang()]);
  if (select.dataset.sig !== wanted) {
    select.replaceChildren(el("option", { value: "" }, t("remote.filter_any_prompt")),
      ...prompts.map((p) => el("option", { value: p.id }, promptText(p))));
    select.dataset.sig = wanted;
  }
  const asked = (view.window && view.window.prompt) || "";
  if (asked && !prompts.some((p) => p.id === asked)) select.append(el("option", { value: asked }, asked));
  select.value = asked;
  byId("filter-status").value = (view.window && view.window.status) || "";
}

function askWindow() {
  command("contributions/filter", window_);
}

function drawClock() {
  drawPresentationClock();
  if (!timer) return;
  const node = byId("clock");
  node.textContent = formatClock(remaining(timer));
  node.dataset.urgency = urgency(timer);
}

function bind() {
  byId("prev").addEventListener("click", () => command("block/previous"));
  byId("next").addEventListener("click", () => command("block/next"));
  byId("startpause").addEventListener("click", () => {
    command(view && view.timer && view.timer.running ? "block/pause" : "block/start");
  });
  byId("plus").addEventListener("click", () => command("block/extend", { minutes: 1 }));
  byId("minus").addEventListener("click", () => command("block/shorten", { minutes: 1 }));
  byId("auto-approve").addEventListener("change", (event) => {
    command("settings/auto_approve", { on: event.target.checked });
  });
  byId("summary-shown").addEventListener("change", (event) => {
    command("summary/show", { on: event.target.checked });
  });
  byId("filter-status").addEventListener("change", (event) => {
    window_ = { ...window_, status: event.target.value || null, limit: PAGE };
    askWindow();
  });
  byId("filter-prompt").addEventListener("change", (event) => {
    window_ = { ...window_, prompt: event.target.value || null, limit: PAGE };
    askWindow();
  });
  byId("incoming-more").addEventListener("click", () => {
    window_ = { ...window_, limit: Math.min(1000, window_.limit + PAGE) };
    askWindow();
  });
}

async function start() {
  await setLang(preferredLang());
  bindSwitch(byId("lang"));
  onLangChange(draw);
  bind();
  bindTables(tablesCommand);
  bindQuestions(command);
  conn.start();
  everyHalfSecond(drawClock);
}

start();
