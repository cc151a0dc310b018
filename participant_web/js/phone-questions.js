// Questions to the school on the phone: ask one at any moment after joining (in the break too), see the room's
// approved questions by votes, upvote ("Wil ik ook weten") once each, and follow my own questions' status.

import { currentLang, t, tn } from "./i18n.js";
import { badge, byId, el, show, syncList, textSize } from "./elements.js";
import { Outbox, randomId } from "./outbox.js";

const MAX = 500;
// Codes that a resend may get past: the question stays in the outbox and goes again.
const RETRYABLE = new Set(["rate_limited", "full", "internal", "not_stored", "questions_limited"]);

export class QuestionBox {
  /** `send(message)` returns false when there is no connection; `feedback(id, text, kind)` writes a status line. */
  constructor(outboxKey, send, feedback) {
    this.outbox = new Outbox(outboxKey); // asked but not acknowledged: survives a reload or a dead network
    this.send = send;
    this.feedback = feedback;
    this.mine = []; // this phone's questions as the server has them
    this.upvoted = new Set();
    this.refs = new Map(); // ref -> {kind, item}
    this.view = null;
    this.refCount = 0;
  }

  bind() {
    const box = byId("question-text");
    box.addEventListener("input", () => this.count());
    byId("question-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = box.value.trim();
      if (!text) {
        this.feedback("question-feedback", t("error.empty"), "error");
        box.focus();
        return;
      }
      const item = { id: randomId("q-"), text };
      this.outbox.add(item);
      box.value = "";
      this.count();
      const sent = this.ask(item);
      this.feedback("question-feedback", sent ? t("phone.sending") : t("phone.saved_offline"), sent ? "ok" : "wait");
      this.drawMine();
    });
    this.count();
  }

  count() {
    const node = byId("question-count");
    const length = textSize(byId("question-text").value.trim());
    node.textContent = t("phone.count", { n: length, max: MAX });
    node.dataset.near = length > MAX * 0.9 ? "yes" : "no";
  }

  ask(item) {
    this.refs.set(item.id, { kind: "ask", item });
    return this.send({ type: "question/add", ref: item.id, id: item.id, text: item.text });
  }

  /** After (re)connecting: what was asked but not acknowledged goes again, with its id, so it is stored once. */
  resend() {
    for (const item of this.outbox.items()) this.ask(item);
  }

  /** mine/update: my questions and what I upvoted. */
  takeMine(message) {
    this.mine = Array.isArray(message.questions) ? message.questions : [];
    this.upvoted = new Set(Array.isArray(message.upvoted) ? message.upvoted : []);
    this.draw(this.view);
  }

  /** An ack or error for one of this box's messages; false when it was not ours. */
  answered(message, text) {
    const what = this.refs.get(message.ref);
    if (!what) return false;
    this.refs.delete(message.ref);
    if (what.kind === "upvote") {
      if (message.type === "error") this.feedback("upvote-feedback", text, "error");
      return true;
    }
    if (message.type === "ack") {
      this.outbox.remove(what.item.id);
      this.feedback("question-feedback", t("questions.saved"));
    } else if (RETRYABLE.has(message.code)) {
      this.feedback("question-feedback", text, "wait");
      setTimeout(() => this.resend(), 5000);
    } else {
      // Refused for good: the text goes back into the box, where it can be changed and sent again.
      this.outbox.remove(what.item.id);
      const box = byId("question-text");
      if (!box.value.trim()) box.value = what.item.text;
      this.count();
      this.feedback("question-feedback", text, "error");
    }
    this.drawMine();
    return true;
  }

  draw(view) {
    this.view = view;
    const section = byId("questions");
    show(section, Boolean(view));
    show(byId("questions-jump"), Boolean(view && !view.finished));
    if (!view) return;
    show(byId("question-form"), !view.finished);
    this.count();
    this.drawMine();
    this.drawRoom();
  }

  drawRoom() {
    const own = new Set([...this.mine.map((q) => q.id), ...this.outbox.items().map((q) => q.id)]);
    const items = (this.view.questions || []).map((q) => ({
      ...q, upvoted: this.upvoted.has(q.id), own: own.has(q.id),
    }));
    show(byId("no-room-questions"), items.length === 0);
    const signature = (item) => JSON.stringify([item, currentLang()]);
    syncList(byId("room-questions"), items, (item) => item.id, (item) => {
      const textId = `rq-${item.id}`;
      const count = Number(item.count) || 0;
      const row = el("li", { class: "item" }, el("p", { id: textId, class: "item-text", dir: "auto" }, item.text));
      const meta = el("div", { class: "item-meta" }, count > 0 ? badge(count, tn("questions.votes", count)) : null);
      if (item.answer) meta.append(el("span", { class: "status" }, t(`questions.answer.${item.answer}`)));
      if (item.own) {
        meta.append(el("span", { class: "tag" }, t("questions.own")));
      } else if (!this.view.finished) {
        meta.append(el("button", {
          type: "button",
          class: "toggle",
          dataset: { focus: "upvote" },
          "aria-pressed": item.upvoted ? "true" : "false",
          "aria-describedby": textId,
          onclick: () => this.upvote(item),
        }, t("questions.upvote")));
      }
      row.append(meta);
      return row;
    }, signature);
  }

  upvote(item) {
    this.refCount += 1;
    const ref = `upvote-${this.refCount}-${randomId("", 3)}`;
    this.refs.set(ref, { kind: "upvote" });
    if (!this.send({ type: "question/upvote", ref, id: item.id, on: !item.upvoted })) {
      this.feedback("upvote-feedback", t("phone.not_connected"), "error");
    }
  }

  drawMine() {
    const waiting = this.outbox.items().map((item) => ({ ...item, status: "waiting" }));
    const waitingIds = new Set(waiting.map((q) => q.id));
    const list = [...waiting, ...[...this.mine].reverse().filter((q) => !waitingIds.has(q.id))];
    show(byId("my-questions"), list.length > 0);
    const signature = (item) => JSON.stringify([item, currentLang()]);
    syncList(byId("my-questions-list"), list, (item) => item.id, (item) => {
      const status = item.status === "waiting" ? t("status.waiting") : t(`questions.status.${item.status}`);
      const meta = el("div", { class: "item-meta" }, el("span", { class: "status" }, status));
      if (item.answer) meta.append(el("span", { class: "status" }, t(`questions.answer.${item.answer}`)));
      return el("li", { class: "item", dataset: { status: item.status } },
        el("p", { class: "item-text", dir: "auto" }, item.text), meta);
    }, signature);
  }
}
