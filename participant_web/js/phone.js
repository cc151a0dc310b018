// The phone page: what happens now, answer the open question, recognise others, see and take back my own,
// and ask the school a question at any moment.

import { Connection } from "./connection.js";
import { bindSwitch, currentLang, has, onLangChange, preferredLang, setLang, t } from "./i18n.js";
import { bindRoomEntry } from "./room-entry.js";
import { Outbox, Sender, randomId } from "./outbox.js";
import { everyHalfSecond, formatClock, remaining, stampTimer } from "./clock.js";
import { byId, show } from "./elements.js";
import { AnswerForms } from "./phone-answers.js";
import { ViewState } from "./view-state.js";
import { renderMine, renderOthers } from "./phone-lists.js";
import { QuestionBox } from "./phone-questions.js";

// Codes that will not succeed on a resend: the item leaves the outbox and its text goes back to the writer.
const RETRYABLE = new Set(["rate_limited", "full", "internal", "not_stored"]);
// The hub allows a phone 5 messages a second; resends go out slower than that and repeat until acked.
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
const outbox = new Outbox(store("outbox"));
const sender = new Sender(outbox, sendContribution);
const pending = new Map(); // ref -> what it was for, to place errors and confirmations
let view = null;
let timer = null;
// Others' answers in the order the room first saw them: new ones join at the end, nothing moves while reading.
const viewState = new ViewState({ order: (a, b) => a.n - b.n, resync: () => conn.send({ type: "state/resync" }) });
let mine = []; // this phone's contributions as the server has them (mine/update)
let endorsed = new Set();
let responses = {};
let deviceInfo = {};
let seat = null; // {number, theme: {title, card}} once the room is divided over the theme tables
let refCount = 0;

function nextRef(kind) {
  refCount += 1;
  const ref = `${kind}-${refCount}-${randomId("", 3)}`;
  pending.set(ref, { kind });
  return ref;
}

function feedback(id, text, kind = "ok") {
  const node = byId(id);
  node.textContent = text;
  node.dataset.kind = kind;
}

const questions = new QuestionBox(store("questions"), (message) => conn.send(message), feedback);

const conn = new Connection({
  hello: () => ({ type: "hello", role: "phone", room, device, lang: currentLang(), resume: viewState.resume() }),
  onMessage: receive,
  onReady: () => {
    // The hello joined this phone already; device/join only adds the role, when one was chosen.
    if (chosenRole()) sendJoin();
    sender.forget();
    sender.flush();
    questions.resend();
  },
  statusEl: byId("conn"),
});

const answers = new AnswerForms({
  submitOpen(text, prompt) {
    const item = { id: randomId("c-"), text, prompt, at: Date.now() };
    outbox.add(item);
    drawMine();
    if (sender.sendNow(item)) feedback("open-feedback", t("phone.sending"));
    else feedback("open-feedback", t("phone.saved_offline"), "wait");
  },
  submitResponse(kindId, prompt, value, comment) {
    const ref = nextRef(kindId);
    const sent = conn.send({ type: "response/set", ref, prompt, value, comment });
    feedback(`${kindId}-feedback`, sent ? t("phone.sending") : t("phone.not_connected"), sent ? "ok" : "error");
  },
  feedback,
});

function chosenRole() {
  const role = remembered(store("role"));
  return role === "parent" || role === "staff" ? role : null;
}

function sendJoin() {
  const message = { type: "device/join", ref: nextRef("join"), lang: currentLang() };
  const role = chosenRole();
  if (role) message.role = role;
  conn.send(message);
}

function sendContribution(item) {
  pending.set(item.id, { kind: "open", item });
  return conn.send({ type: "contribution/add", ref: item.id, id: item.id, text: item.text, prompt: item.prompt });
}

/** The server's message is already in this phone's language; our own text covers a missing one. */
function errorText(message) {
  if (message.message) return message.message;
  const key = `error.${message.code}`;
  return has(key) ? t(key) : t("error.unknown");
}

function receive(message) {
  if (viewState.take(message)) {
    view = viewState.view;
    timer = stampTimer(view.timer);
    draw();
    return;
  }
  switch (message.type) {
    case "mine/update":
      mine = Array.isArray(message.mine) ? message.mine : [];
      endorsed = new Set(Array.isArray(message.endorsed) ? message.endorsed : []);
      responses = message.responses && typeof message.responses === "object" ? message.responses : {};
      deviceInfo = message.device && typeof message.device === "object" ? message.device : {};
      seat = message.table && typeof message.table === "object" ? message.table : null;
      questions.takeMine(message);
      draw();
      break;
    case "ack":
      acknowledged(message);
      break;
    case "error":
      refused(message);
      break;
    default:
      break;
  }
}

function acknowledged(message) {
  if (questions.answered(message, "")) return;
  const what = pending.get(message.ref);
  pending.delete(message.ref);
  if (message.of === "contribution/add") {
    outbox.remove(message.id || message.ref);
    feedback("open-feedback", t("phone.saved"));
    drawMine();
  } else if (message.of === "response/set" && what) {
    feedback(`${what.kind}-feedback`, t("phone.saved"));
  } else if (message.of === "contribution/withdraw") {
    feedback("mine-feedback", t("phone.withdrawn_done"));
  }
}

function refused(message) {
  const text = errorText(message);
  if (questions.answered(message, text)) return;
  const what = pending.get(message.ref);
  pending.delete(message.ref);
  if (!what) {
    if (message.ref === undefined || message.ref === null) feedback("notice", text, "error");
    return;
  }
  if (what.kind === "open") {
    if (RETRYABLE.has(message.code)) {
      feedback("open-feedback", text, "wait");
      setTimeout(() => sender.flush(), 5000);
      return;
    }
    outbox.remove(what.item.id);
    drawMine();
    // Back in the box when the question is still open; otherwise said where it is seen, with the text itself.
    if (answers.restore(what.item)) feedback("open-feedback", text, "error");
    else feedback("notice", t("phone.not_saved_text", { reason: text, text: what.item.text }), "error");
  } else if (what.kind === "rating" || what.kind === "choice") {
    feedback(`${what.kind}-feedback`, text, "error");
  } else if (what.kind === "endorse") {
    feedback("recognise-feedback", text, "error");
  } else if (what.kind === "withdraw") {
    feedback("mine-feedback", text, "error");
  }
}

function draw() {
  drawMine();
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
  const timed = Boolean(view && timer && TIMED_KINDS.has(view.block && view.block.kind) && !view.finished);
  show(node, timed);
  if (!timed) return;
  const left = remaining(timer);
  byId("time-left-clock").textContent = left < 0 ? t("phone.time_up") : formatClock(left);
}

function ownIds() {
  return new Set([...mine.map((c) => c.id), ...outbox.items().map((c) => c.id)]);
}

function drawOthers() {
  const shown = view && view.recognition && view.prompt ? view.contributions || [] : [];
  const items = shown.map((item) => ({ ...item, endorsed: endorsed.has(item.id) }));
  show(byId("recognise"), items.length > 0);
  renderOthers(byId("others"), items, ownIds(), (item) => {
    const ref = nextRef("endorse");
    if (!conn.send({ type: "contribution/endorse", ref, id: item.id, on: !item.endorsed })) {
      feedback("recognise-feedback", t("phone.not_connected"), "error");
    }
  });
}

function drawMine() {
  const waiting = outbox.items();
  const list = [...waiting.map((item) => ({ ...item, status: "waiting" }))];
  const waitingIds = new Set(waiting.map((x) => x.id));
  // The server lists oldest first; a phone reads newest first.
  for (const item of [...mine].reverse()) if (!waitingIds.has(item.id)) list.push(item);
  show(byId("mine"), list.length > 0);
  renderMine(byId("mine-list"), list, (item) => {
    const ref = nextRef("withdraw");
    if (!conn.send({ type: "contribution/withdraw", ref, id: item.id })) {
      feedback("mine-feedback", t("phone.not_connected"), "error");
    }
  });
}

function setupRole() {
  const section = byId("role");
  show(section, remembered(store("role")) === null);
  for (const button of section.querySelectorAll("button[data-role]")) {
    button.addEventListener("click", () => {
      remember(store("role"), button.dataset.role || "none");
      show(section, false);
      sendJoin();
      byId("now").focus?.();
    });
  }
}

async function start() {
  await setLang(preferredLang());
  bindSwitch(byId("lang"));
  onLangChange(() => {
    draw();
    sendJoin();
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
  drawMine();
  conn.start();
  everyHalfSecond(drawClock);
  sender.every(() => conn.ready);
}

start();
