// A table host's page: the table's theme and card, its time left, and the notepad for the table's outcome.

import { Connection } from "./connection.js";
import { bindSwitch, currentLang, has, onLangChange, preferredLang, setLang, t, tn } from "./i18n.js";
import { Outbox, Sender, randomId } from "./outbox.js";
import { everyHalfSecond, formatClock, remaining, stampTimer } from "./clock.js";
import { byId, show } from "./elements.js";
import { mergedNotes, renderNotes } from "./host-notes.js";
import { ViewState } from "./view-state.js";

// Codes that may succeed later; anything else takes the item out of the outbox and says why.
const RETRYABLE = new Set(["rate_limited", "full", "not_stored", "internal"]);
const MAX = 500;

const token = new URLSearchParams(location.search).get("token") || "";
// One notepad per link: what waits for the server stays with the table it was written for.
const outbox = new Outbox(`kiosk.host.outbox.${token.slice(0, 16)}`);
const sender = new Sender(outbox, send);
let table = null; // the last table/update
let timer = null;
let blockTitle = "";
let editing = null; // {id, text} while a note is being changed
const viewState = new ViewState({ resync: () => conn.send({ type: "state/resync" }) });

function hostDevice() {
  try {
    let id = localStorage.getItem("kiosk.host.device");
    if (!id) {
      id = randomId("h-");
      localStorage.setItem("kiosk.host.device", id);
    }
    return id;
  } catch {
    return randomId("h-");
  }
}

const device = hostDevice();

const conn = new Connection({
  hello: () => ({ type: "hello", role: "host", token, device, lang: currentLang(), resume: viewState.resume() }),
  onMessage: receive,
  onReady: () => {
    sender.forget();
    sender.flush();
  },
  statusEl: byId("conn"),
});

function feedback(id, text, kind = "ok") {
  const node = byId(id);
  node.textContent = text;
  node.dataset.kind = kind;
}

function errorText(message) {
  if (message.message) return message.message;
  const key = `error.${message.code}`;
  return has(key) ? t(key, message) : t("error.unknown");
}

/** Queue one change; a later change of the same kind to the same note replaces the earlier one. */
function queue(op, note, text = "") {
  const item = { id: `${op}:${note}`, op, note, text, v: randomId("", 4) };
  outbox.add(item);
  draw();
  if (!sender.sendNow(item)) feedback("notes-feedback", t("phone.saved_offline"), "wait");
}

function send(item) {
  const ref = `${item.id}|${item.v}`;
  const message = { type: `table/note/${item.op}`, ref, id: item.note };
  if (item.op !== "remove") message.text = item.text;
  return conn.send(message);
}

/** The outbox item a reply is about, only if it was not changed again since it went out. */
function itemFor(ref) {
  if (typeof ref !== "string" || !ref.includes("|")) return null;
  const [key, v] = ref.split("|");
  const item = outbox.get(key);
  return item && item.v === v ? item : null;
}

function receive(message) {
  if (viewState.take(message)) {
    blockTitle = (viewState.view.block && viewState.view.block.title) || "";
    draw();
  } else if (message.type === "table/update") {
    table = message;
    timer = stampTimer(message.timer);
    draw();
  } else if (message.type === "ack") {
    const item = itemFor(message.ref);
    if (item) {
      outbox.remove(item.id);
      feedback(item.op === "add" ? "note-feedback" : "notes-feedback", t("phone.saved"));
      draw();
    }
  } else if (message.type === "error") {
    refused(message);
  }
}

function refused(message) {
  const item = itemFor(message.ref);
  if (!item) {
    if (message.ref === null || message.ref === undefined) feedback("notes-feedback", errorText(message), "error");
    return;
  }
  if (RETRYABLE.has(message.code)) {
    feedback("notes-feedback", errorText(message), "wait");
    setTimeout(flush, 5000);
    return;
  }
  outbox.remove(item.id);
  draw();
  if (item.op === "remove" && message.code === "unknown_note") return; // gone already: that is what we wanted
  if (item.op === "add" && !byId("note").value.trim()) {
    byId("note").value = item.text; // back in the box, so nothing typed is lost
    countChars();
    feedback("note-feedback", errorText(message), "error");
  } else {
    feedback("notes-feedback", t("phone.not_saved_text", { reason: errorText(message), text: item.text }), "error");
  }
}

function draw() {
  byId("block-title").textContent = blockTitle;
  if (!table) return;
  const info = table.table || {};
  const own = info.theme && info.theme.translations && info.theme.translations[currentLang()];
  const theme = info.theme && { title: (own && own.title) || info.theme.title, card: (own && own.card) || info.theme.card };
  byId("table-title").textContent = theme
    ? t("host.table_theme", { number: info.number, theme: theme.title })
    : t("host.table", { number: info.number });
  byId("theme-card").textContent = (theme && theme.card) || "";
  show(byId("theme-card"), Boolean(theme && theme.card));
  byId("table-size").textContent = tn("host.size", info.size || 0);
  show(byId("presenting"), Boolean(table.presenting));
  show(byId("notepad"), true);
  show(byId("points"), true);
  const notes = mergedNotes(Array.isArray(table.notes) ? table.notes : [], outbox.items());
  if (editing && !notes.some((n) => n.id === editing.id)) editing = null;
  show(byId("no-notes"), notes.length === 0);
  renderNotes(byId("notes"), notes, editing, noteActions);
  drawClock();
}

function drawClock() {
  const node = byId("time-left");
  show(node, Boolean(timer));
  if (!timer) return;
  const left = remaining(timer);
  byId("time-left-clock").textContent = left < 0 ? t("phone.time_up") : formatClock(left);
}

const noteActions = {
  edit(id) {
    const note = mergedNotes(table.notes || [], outbox.items()).find((n) => n.id === id);
    editing = note ? { id, text: note.text, focused: false } : null;
    draw();
  },
  draft(id, text) {
    if (editing && editing.id === id) editing.text = text;
  },
  save(id, text) {
    const clean = text.trim();
    if (!clean) {
      feedback("notes-feedback", t("error.empty"), "error");
      return;
    }
    editing = null;
    queue("edit", id, clean.slice(0, MAX));
    byId("points-title").focus?.();
  },
  cancel() {
    editing = null;
    draw();
  },
  remove(id) {
    if (editing && editing.id === id) editing = null;
    queue("remove", id);
    byId("note").focus();
  },
};

function countChars() {
  const length = byId("note").value.length;
  const count = byId("note-count");
  count.textContent = `${length}/${MAX}`;
  count.dataset.near = length > MAX - 50 ? "yes" : "no";
}

function bind() {
  byId("note").addEventListener("input", countChars);
  byId("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = byId("note").value.trim();
    if (!text) {
      feedback("note-feedback", t("error.empty"), "error");
      byId("note").focus();
      return;
    }
    byId("note").value = "";
    countChars();
    feedback("note-feedback", t("phone.sending"));
    queue("add", randomId("n-"), text.slice(0, MAX));
    byId("note").focus();
  });
}

async function start() {
  await setLang(preferredLang());
  bindSwitch(byId("lang"));
  onLangChange(draw);
  bind();
  conn.start();
  everyHalfSecond(drawClock);
  sender.every(() => conn.ready);
}

start();
