// The facilitator's remote: steer blocks and time, open questions, moderate what comes in.

import { Connection } from "./connection.js";
import { bindSwitch, currentLang, has, onLangChange, preferredLang, setLang, t } from "./i18n.js";
import { everyHalfSecond, formatClock, remaining, stampTimer, urgency } from "./clock.js";
import { byId, show } from "./elements.js";
import { renderIncoming, renderPrompts } from "./remote-lists.js";

const token = new URLSearchParams(location.search).get("token") || "";
let view = null;
let timer = null;
let refCount = 0;

const conn = new Connection({
  hello: () => ({ type: "hello", role: "remote", token, lang: currentLang() }),
  onMessage(message) {
    if (message.type === "state/reset" || message.type === "state/update") {
      view = message.state;
      timer = stampTimer(view.timer);
      draw();
    } else if (message.type === "error") {
      const key = `error.${message.code}`;
      feedback(has(key) ? t(key, message) : message.message || t("error.unknown"), "error");
    } else if (message.type === "ack") {
      feedback("");
    }
  },
  statusEl: byId("conn"),
});

function feedback(text, kind = "ok") {
  const node = byId("remote-feedback");
  node.textContent = text;
  node.dataset.kind = kind;
}

/** Send a steering command; say so when the line is down instead of failing silently. */
function command(type, data = {}) {
  refCount += 1;
  if (!conn.send({ type, ref: `r${refCount}`, ...data })) feedback(t("phone.not_connected"), "error");
}

function draw() {
  if (!view) return;
  const block = view.block || {};
  byId("block-title").textContent = block.title || "";
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
  drawClock();
}

function drawClock() {
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
}

async function start() {
  await setLang(preferredLang());
  bindSwitch(byId("lang"));
  onLangChange(draw);
  bind();
  conn.start();
  everyHalfSecond(drawClock);
}

start();
