// The phone page: what happens now, answer the open question, recognise others, see and take back my own,
// and ask the school a question at any moment. Everything tapped goes through one outbox (phone-outbox.js);
// the last view is kept (view-cache.js), so a reload or a page opened offline shows at once what it knew.

import { Connection } from "./connection.js";
import { bindSwitch, currentLang, has, onLangChange, preferredLang, setLang, t } from "./i18n.js";
import { bindRoomEntry } from "./room-entry.js";
import { randomId } from "./outbox.js";
import { PhoneOutbox, kindOf } from "./phone-outbox.js";
import { everyHalfSecond, formatClock, remaining, stampTimer } from "./clock.js";
import { byId, show } from "./elements.js";
import { AnswerForms } from "./phone-answers.js";
import { ViewState } from "./view-state.js";
import { renderMine, renderOthers } from "./phone-lists.js";
import { QuestionBox } from "./phone-questions.js";
import { Drafts } from "./drafts.js";
import { ViewCache } from "./view-cache.js";

const TIMED_KINDS = new Set(["break", "tables"]);
const TABLE_KINDS = new Set(["tables", "presentations"]);

const room = (new URLSearchParams(location.search).get("room") || "").trim();
const store = (name) => `kiosk.${name}.${room}`;

function remembered(key, make) {
  try {
    let value = localStorage.getItem(key);
    if (value === null && make) {
      value = make();
      localStorage.setItem(key, value);
    }
    return value;
  } catch {
    return make ? make() : null;
  }
}

function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

const device = remembered(store("device"), () => randomId("d-"));
const drafts = new Drafts(store("drafts"));
const cache = new ViewCache(store("view"));
const outbox = new PhoneOutbox(room, (message) => conn.send(message));
let view = null;
let timer = null;
let live = false; // the view came over the socket (not only from the kept copy)
// Others' answers in the order the room first saw them: new ones join at the end, nothing moves while reading.
const viewState = new ViewState({ order: (a, b) => a.n - b.n, resync: () => conn.send({ type: "state/resync" }) });
let mineMessage = null; // the last mine/update, kept with the view
let mine = []; // this phone's contributions as the server has them (mine/update)
let endorsed = new Set();
let responses = {};
let deviceInfo = {};
let seat = null; // {number, theme: {title, card}} once the room is divided over the theme tables
const notes = new Map(); // contribution id -> why a tap on its row was refused, shown on that row
let workerAsked = false;

function feedback(id, text, kind = "ok") {
  const node = byId(id);
  node.textContent = text;
  node.dataset.kind = kind;
}

const questions = new QuestionBox({ outbox, feedback, drafts, live: () => conn.ready });

const conn = new Connection({
  hello: () => ({ type: "hello", role: "phone", room, device, lang: currentLang(), resume: viewState.resume() }),
  onMessage: receive,
  onReady: () => {
    outbox.resend();
    offlineCopy();
  },
  statusEl: byId("conn"),
  sayEl: byId("conn-said"),
});

const answers = new AnswerForms({
  submitOpen(text, prompt) {
    const id = randomId("c-");
    const { sent } = outbox.put(id, "contribution/add", { id, text, prompt });
    drawMine();
    if (sent) feedback("open-feedback", t("phone.sending"));
    else feedback("open-feedback", t("phone.saved_offline"), "wait");
    answers.busy("open");
    if (!sent) answers.idle("open");
  },
  submitResponse(kind, prompt, value, comment) {
    const { sent } = outbox.put(`response:${prompt}`, "response/set", { prompt, value, comment }, kind);
    feedback(`${kind}-feedback`, sent ? t("phone.sending") : t("phone.saved_offline"), sent ? "ok" : "wait");
    answers.busy(kind);
    if (!sent) answers.idle(kind);
  },
  feedback,
  drafts,
  waiting: (prompt) => outbox.get(`response:${prompt}`),
});

function chosenRole() {
  const role = remembered(store("role"));
  return role === "parent" || role === "staff" ? role : null;
}

/** The role and language this phone joins with; kept in the outbox until the hub has them. */
function join() {
  const data = { lang: currentLang() };
  const role = chosenRole();
  if (role) data.role = role;
  outbox.put("join", "device/join", data);
}

/** The hub writes every error in this phone's language (so the page carries only its own few). */
function errorText(message) {
  return message.message || t("error.unknown");
}

function receive(message) {
  if (viewState.take(message)) {
    view = viewState.view;
    timer = stampTimer(view.timer);
    live = true;
    cache.soon();
    draw();
    return;
  }
  switch (message.type) {
    case "mine/update":
      takeMine(message);
      cache.soon();
      draw();
      break;
    case "ack":
    case "error":
      replied(message);
      break;
    default:
      break;
  }
}

function takeMine(message) {
  mineMessage = message;
  mine = Array.isArray(message.mine) ? message.mine : [];
  endorsed = new Set(Array.isArray(message.endorsed) ? message.endorsed : []);
  responses = message.responses && typeof message.responses === "object" ? message.responses : {};
  deviceInfo = message.device && typeof message.device === "object" ? message.device : {};
  seat = message.table && typeof message.table === "object" ? message.table : null;
  questions.takeMine(message);
}

function replied(message) {
  const text = message.type === "error" ? errorText(message) : "";
  const result = outbox.reply(message);
  if (!result) {
    if (message.type === "error" && (message.ref === undefined || message.ref === null)) {
      feedback("notice", text, "error");
    }
    return;
  }
  const { item, outcome } = result;
  switch (item.type) {
    case "contribution/add":
      answerReplied(item, outcome, text);
      break;
    case "response/set":
      responseReplied(item, outcome, text);
      break;
    case "contribution/endorse":
    case "contribution/withdraw":
      rowReplied(item, outcome, text);
      break;
    case "question/add":
    case "question/upvote":
      questions.replied(result, text);
      break;
    default:
      if (outcome === "refused") feedback("notice", text, "error");
  }
}

function answerReplied(item, outcome, text) {
  answers.idle("open");
  drawMine();
  if (outcome === "stored") {
    feedback("open-feedback", t("phone.saved"));
  } else if (outcome === "later") {
    feedback("open-feedback", text, "wait");
  } else {
    // Back in the box when an open question shows; otherwise said where it is seen, with the text itself.
    const back = answers.restore(item.data);
    if (back === "same") feedback("open-feedback", text, "error");
    else if (back === "other") feedback("open-feedback", `${text} ${t("phone.text_back")}`, "error");
    else feedback("notice", t("phone.not_saved_text", { reason: text, text: item.data.text }), "error");
  }
}

function responseReplied(item, outcome, text) {
  const kind = item.what === "choice" ? "choice" : "rating";
  answers.idle(kind);
  const shown = Boolean(view && view.prompt && view.prompt.id === item.data.prompt);
  if (outcome === "stored") {
    // Shown as chosen at once; the mine/update that follows says the same.
    responses = { ...responses, [item.data.prompt]: { value: item.data.value, comment: item.data.comment } };
    if (shown) feedback(`${kind}-feedback`, t("phone.saved"));
  } else if (outcome === "later") {
    if (shown) feedback(`${kind}-feedback`, text, "wait");
  } else {
    feedback(shown ? `${kind}-feedback` : "notice", text, "error");
  }
}

/** A recognition or a withdrawal: said on its row, or at the top when its row is gone. */
function rowReplied(item, outcome, text) {
  const id = item.data.id;
  const endorse = item.type === "contribution/endorse";
  if (outcome === "stored") {
    if (endorse && item.data.on === false) endorsed.delete(id);
    else if (endorse) endorsed.add(id);
    else mine = mine.map((c) => (c.id === id ? { ...c, withdrawn: true } : c));
    if (!endorse) feedback("mine-feedback", t("phone.withdrawn_done"));
  } else if (outcome === "refused") {
    notes.set(id, text);
    const onScreen = document.querySelector(`[data-key="${CSS.escape(id)}"]`);
    feedback(onScreen ? (endorse ? "recognise-feedback" : "mine-feedback") : "notice", text, "error");
  }
  if (endorse) drawOthers();
  else drawMine();
}

function draw() {
  drawMine();
  drawWaiting();
  if (!view) return;
  const block = view.block || {};
  byId("block-title").textContent = translated(block, "title") || block.title || "";
  const hintKey = `kind.${block.kind}`;
  byId("block-hint").textContent = has(hintKey) ? t(hintKey) : t("kind.plain");
  drawTable();
  drawClock();
  show(byId("finished"), Boolean(view.finished));
  answers.render(view.finished ? null : view.prompt, responses);
  drawOthers();
  questions.draw(view);
}

/** A field of the agenda in this phone's language (the hub sends only that one), else "" for the original. */
function translated(item, field) {
  const own = item && item.translations && item.translations[currentLang()];
  if (typeof own === "string") return field === "title" ? own : "";
  return (own && own[field]) || "";
}

/** "Jouw tafel: 3 · thema" during the tables and their presentations; the theme's card while at the table. */
function drawTable() {
  const kind = view && view.block ? view.block.kind : "";
  const number = seat ? seat.number : deviceInfo.table;
  const node = byId("table");
  const card = byId("table-card");
  const shown = number !== null && number !== undefined && TABLE_KINDS.has(kind) && !view.finished;
  show(node, shown);
  show(card, Boolean(shown && kind === "tables" && seat && seat.theme && seat.theme.card));
  if (!shown) return;
  const theme = seat && seat.theme ? translated(seat.theme, "title") || seat.theme.title : "";
  node.textContent = theme ? t("phone.table_theme", { number, theme }) : t("phone.table", { number });
  card.textContent = (seat && seat.theme && (translated(seat.theme, "card") || seat.theme.card)) || "";
  // A card only partly translated is still the agenda's language: let the browser set its direction.
  card.dir = "auto";
}

function drawClock() {
  const node = byId("time-left");
  // A kept view's clock is as old as the copy: it shows once the hub has said how much time is left.
  const timed = Boolean(live && view && timer && TIMED_KINDS.has(view.block && view.block.kind) && !view.finished);
  show(node, timed);
  if (!timed) return;
  const left = remaining(timer);
  byId("time-left-clock").textContent = left < 0 ? t("phone.time_up") : formatClock(left);
}

function ownIds() {
  return new Set([...mine.map((c) => c.id), ...outbox.items("contribution/add").map((c) => c.id)]);
}

function tapping() {
  return conn.ready ? "sending" : "waiting";
}

function drawOthers() {
  const shown = view && view.recognition && view.prompt ? view.contributions || [] : [];
  const items = shown.map((item) => {
    const pending = outbox.get(`endorse:${item.id}`);
    return {
      ...item,
      endorsed: pending ? pending.data.on !== false : endorsed.has(item.id),
      pending: pending ? tapping() : null,
      note: notes.get(item.id) || null,
    };
  });
  show(byId("recognise"), items.length > 0);
  renderOthers(byId("others"), items, ownIds(), (item) => {
    notes.delete(item.id);
    outbox.put(`endorse:${item.id}`, "contribution/endorse", { id: item.id, on: !item.endorsed });
    drawOthers();
  });
}

function drawMine() {
  const waiting = outbox.items("contribution/add");
  const list = waiting.map((item) => ({ ...item.data, status: tapping() }));
  const waitingIds = new Set(waiting.map((x) => x.id));
  // The server lists oldest first; a phone reads newest first.
  for (const item of [...mine].reverse()) {
    if (waitingIds.has(item.id)) continue;
    const pending = outbox.get(`withdraw:${item.id}`) ? tapping() : null;
    list.push({ ...item, pending, note: notes.get(item.id) || null });
  }
  show(byId("mine"), list.length > 0);
  renderMine(byId("mine-list"), list, (item) => {
    notes.delete(item.id);
    outbox.put(`withdraw:${item.id}`, "contribution/withdraw", { id: item.id });
    drawMine();
  });
}

/** Beside the connection's state, while it is down: what this phone holds to send ("an answer and 2
 * recognitions"), so nobody wonders whether a tap counted. */
function drawWaiting() {
  const node = byId("waiting");
  const items = outbox.items();
  if (conn.ready || !items.length) {
    show(node, false);
    return;
  }
  const counts = new Map();
  for (const item of items) counts.set(kindOf(item), (counts.get(kindOf(item)) || 0) + 1);
  const parts = [...counts].map(([kind, n]) => {
    const what = has(`phone.what.${kind}`) ? t(`phone.what.${kind}`) : t("phone.what.other");
    return n > 1 ? t("phone.what_many", { what, n }) : what;
  });
  let list = parts.join(", ");
  try {
    list = new Intl.ListFormat(currentLang(), { type: "conjunction" }).format(parts);
  } catch {
    // an old browser or an unknown locale: commas do
  }
  node.textContent = t("phone.waiting_list", { list });
  show(node, true);
}

/** Where the browser allows it (https, or the laptop itself), a service worker keeps the page for offline use. */
function offlineCopy() {
  if (workerAsked || !("serviceWorker" in navigator)) return;
  workerAsked = true;
  navigator.serviceWorker.register("/sw.js").catch(() => {
    // not allowed here (http on a LAN address): the kept view and outbox still survive a reload
  });
}

function setupRole() {
  const section = byId("role");
  show(section, remembered(store("role")) === null);
  for (const button of section.querySelectorAll("button[data-role]")) {
    button.addEventListener("click", () => {
      remember(store("role"), button.dataset.role || "none");
      show(section, false);
      join();
      byId("now").focus?.();
    });
  }
}

/** Start from the kept view, if any: shown at once, then the socket brings what changed since. */
function fromCache() {
  const saved = cache.read();
  if (saved && viewState.restore(saved)) {
    view = viewState.view;
    if (saved.mine) takeMine(saved.mine);
  }
  cache.follow(() => {
    const snapshot = viewState.snapshot();
    return snapshot && { ...snapshot, mine: mineMessage };
  });
}

async function start() {
  await setLang(preferredLang());
  bindSwitch(byId("lang"));
  onLangChange(() => {
    draw();
    join();
  });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(room)) {
    show(byId("no-room"), true);
    bindRoomEntry(byId("room-form"), byId("room-code"), byId("room-empty"));
    show(byId("now"), false);
    byId("conn").textContent = "";
    return;
  }
  setupRole();
  answers.bind();
  questions.bind();
  fromCache();
  draw();
  outbox.onChange(drawWaiting);
  conn.onChange(() => {
    if (!conn.ready) {
      answers.idleAll();
      questions.idle();
    }
    drawWaiting();
    drawMine();
    drawOthers();
    questions.draw(view);
  });
  conn.start();
  everyHalfSecond(drawClock);
  outbox.every(() => conn.ready);
}

start();
