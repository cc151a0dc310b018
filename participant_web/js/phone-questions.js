// Questions to the school on the phone: ask one at any moment after joining (in the break too), see the room's
// approved questions by votes, upvote ("Wil ik ook weten") once each, and follow my own questions' status.
// Questions and upvotes go through the phone's outbox: kept until the hub has them, shown as waiting meanwhile.

import { currentLang, t, tn } from "./i18n.js";
import { badge, byId, el, show, syncList, textSize } from "./elements.js";
import { randomId } from "./outbox.js";
import { tapState } from "./phone-lists.js";

const MAX = 500;
const BUSY_AT_LEAST_MS = 800;

export class QuestionBox {
  /** `outbox` is the phone's PhoneOutbox; `feedback(id, text, kind)` writes a status line; `live()` says whether
   * the connection is up; `drafts` keeps what is typed. */
  constructor({ outbox, feedback, drafts, live }) {
    this.outbox = outbox;
    this.feedback = feedback;
    this.drafts = drafts;
    this.live = live;
    this.mine = []; // this phone's questions as the server has them
    this.upvoted = new Set();
    this.notes = new Map(); // question id -> why its upvote was refused, shown on its row
    this.view = null;
    this.busySince = null;
  }

  bind() {
    const box = byId("question-text");
    box.value = box.value || this.drafts.get("question-text");
    box.addEventListener("input", () => this.count());
    this.drafts.bind(box);
    byId("question-form").addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.busySince !== null) return;
      const text = box.value.trim();
      if (!text) {
        this.feedback("question-feedback", t("error.empty"), "error");
        box.focus();
        return;
      }
      const id = randomId("q-");
      const { sent } = this.outbox.put(id, "question/add", { id, text });
      box.value = "";
      this.drafts.drop("question-text");
      this.count();
      this.feedback("question-feedback", sent ? t("phone.sending") : t("phone.saved_offline"), sent ? "ok" : "wait");
      this.busy(sent);
      this.drawMine();
    });
    this.count();
  }

  /** The send button is busy until the hub answers (at least a moment, so a double tap asks nothing twice). */
  busy(waitForAnswer) {
    const button = byId("question-form").querySelector("button[type=submit]");
    const since = Date.now();
    this.busySince = since;
    button.setAttribute("aria-disabled", "true");
    button.dataset.busy = "yes";
    setTimeout(() => {
      if (!waitForAnswer) this.idle(since);
    }, BUSY_AT_LEAST_MS);
    setTimeout(() => this.idle(since), 15000);
  }

  idle(since = null) {
    if (this.busySince === null || (since !== null && since !== this.busySince)) return;
    const left = this.busySince + BUSY_AT_LEAST_MS - Date.now();
    const started = this.busySince;
    if (left > 0) {
      setTimeout(() => this.idle(started), left);
      return;
    }
    this.busySince = null;
    const button = byId("question-form").querySelector("button[type=submit]");
    button.removeAttribute("aria-disabled");
    delete button.dataset.busy;
  }

  count() {
    const node = byId("question-count");
    const length = textSize(byId("question-text").value.trim());
    node.textContent = t("phone.count", { n: length, max: MAX });
    node.dataset.near = length > MAX * 0.9 ? "yes" : "no";
  }

  /** mine/update: my questions and what I upvoted. */
  takeMine(message) {
    this.mine = Array.isArray(message.questions) ? message.questions : [];
    this.upvoted = new Set(Array.isArray(message.upvoted) ? message.upvoted : []);
    this.draw(this.view);
  }

  /** The hub's answer to one of this box's outbox items (`outcome`: stored, later or refused). */
  replied({ item, outcome }, text) {
    if (item.type === "question/upvote") {
      const id = item.data.id;
      if (outcome === "stored") {
        // Shown as tapped at once; the mine/update that follows says the same.
        if (item.data.on === false) this.upvoted.delete(id);
        else this.upvoted.add(id);
      } else if (outcome === "refused") {
        this.notes.set(id, text);
        const shown = (this.view && this.view.questions || []).some((q) => q.id === id);
        this.feedback(shown ? "upvote-feedback" : "notice", text, "error");
      }
      this.drawRoom();
      return;
    }
    this.idle();
    if (outcome === "stored") {
      this.feedback("question-feedback", t("questions.saved"));
    } else if (outcome === "later") {
      this.feedback("question-feedback", text, "wait");
    } else {
      // Refused for good: the text goes back into the box, where it can be changed and sent again.
      const box = byId("question-text");
      if (!box.value.trim()) {
        box.value = item.data.text;
        this.drafts.keep("question-text", item.data.text);
      }
      this.count();
      this.feedback("question-feedback", text, "error");
    }
    this.drawMine();
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
    if (!this.view) return;
    const waiting = this.outbox.items().map((item) => item.id);
    const own = new Set([...this.mine.map((q) => q.id), ...waiting]);
    const state = this.live() ? "sending" : "waiting";
    const items = (this.view.questions || []).map((q) => {
      const pending = this.outbox.get(`upvote:${q.id}`);
      return {
        ...q,
        upvoted: pending ? pending.data.on !== false : this.upvoted.has(q.id),
        pending: pending ? state : null,
        note: this.notes.get(q.id) || null,
        own: own.has(q.id),
      };
    });
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
        }, t("questions.upvote")), tapState(item));
      }
      row.append(meta);
      return row;
    }, signature);
  }

  upvote(item) {
    this.notes.delete(item.id);
    this.outbox.put(`upvote:${item.id}`, "question/upvote", { id: item.id, on: !item.upvoted });
    this.drawRoom();
  }

  drawMine() {
    const state = this.live() ? "sending" : "waiting";
    const waiting = this.outbox.items("question/add").map((item) => ({ ...item.data, status: state }));
    const waitingIds = new Set(waiting.map((q) => q.id));
    const list = [...waiting, ...[...this.mine].reverse().filter((q) => !waitingIds.has(q.id))];
    show(byId("my-questions"), list.length > 0);
    const signature = (item) => JSON.stringify([item, currentLang()]);
    syncList(byId("my-questions-list"), list, (item) => item.id, (item) => {
      const status = item.status === "waiting" || item.status === "sending" ? t(`status.${item.status}`)
        : t(`questions.status.${item.status}`);
      const meta = el("div", { class: "item-meta" }, el("span", { class: "status" }, status));
      if (item.answer) meta.append(el("span", { class: "status" }, t(`questions.answer.${item.answer}`)));
      return el("li", { class: "item", dataset: { status: item.status === "sending" ? "waiting" : item.status } },
        el("p", { class: "item-text", dir: "auto" }, item.text), meta);
    }, signature);
  }
}
