// Everything a parent taps waits here until the hub acknowledges it, in localStorage, so a reload, a dead network
// or a restarted hub loses nothing. Answers and questions carry their own id (a resend is stored once); ratings,
// choices, recognitions, withdrawals, upvotes and the role are commands that say the result, not the change
// ("recognised: yes"), so a resend stores nothing new. An item's key names what it is about (`endorse:c-…`):
// a second tap on the same thing replaces the first, with a new `v`, and a reply about an older `v` is ignored.

import { Outbox, Sender, randomId } from "./outbox.js";

// Codes a resend may get past: the item stays and goes again later.
export const RETRYABLE = new Set([
  "rate_limited", "full", "internal", "not_stored", "questions_limited", "recognitions_limited", "upvotes_limited",
]);
const RETRY_AFTER_MS = 5000;

/** What the parent did, in the words of the page ("phone.what.<kind>"). */
export function kindOf(item) {
  switch (item.type) {
    case "contribution/add": return "answer";
    case "question/add": return "question";
    case "response/set": return item.what || "rating";
    case "contribution/endorse": return "recognition";
    case "contribution/withdraw": return "withdrawal";
    case "question/upvote": return "upvote";
    case "device/join": return "role";
    default: return "other";
  }
}

/** Items kept by an older page: an answer was {id, text, prompt}, a question {id, text} under its own key. */
function current(item, type = "contribution/add") {
  if (!item || typeof item.id !== "string") return null;
  if (typeof item.type === "string") return item;
  const data = type === "question/add" ? { id: item.id, text: item.text }
    : { id: item.id, text: item.text, prompt: item.prompt };
  return { id: item.id, type, data, v: "", at: item.at || Date.now() };
}

function message(item) {
  return { ...item.data, type: item.type, ref: item.v ? `${item.id}|${item.v}` : item.id };
}

export class PhoneOutbox {
  /** `send(message)` puts a message on the wire and says whether it went. */
  constructor(room, send) {
    this.outbox = new Outbox(`kiosk.outbox.${room}`);
    this.adopt(`kiosk.questions.${room}`);
    this.sender = new Sender(this.outbox, (item) => send(message(current(item))));
    this.listeners = [];
  }

  adopt(oldKey) {
    try {
      const old = JSON.parse(localStorage.getItem(oldKey) || "[]");
      if (!Array.isArray(old) || !old.length) return;
      for (const item of old) {
        const adopted = current(item, "question/add");
        if (adopted && !this.outbox.get(adopted.id)) this.outbox.add(adopted);
      }
      localStorage.removeItem(oldKey);
    } catch {
      // nothing readable there
    }
  }

  /** Called with no arguments whenever what waits changes. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  changed() {
    for (const listener of this.listeners) listener();
  }

  /** Keep a command until it is acknowledged and try to send it now; returns the item and whether it went.
   * `what` tells kinds of one command apart for the page's words (a rating or a choice). */
  put(id, type, data, what = null) {
    const item = { id, type, data, v: randomId("", 4), at: Date.now() };
    if (what) item.what = what;
    this.outbox.add(item);
    const sent = this.sender.sendNow(item);
    this.changed();
    return { item, sent };
  }

  get(id) {
    return current(this.outbox.get(id));
  }

  items(type = null) {
    return this.outbox.items().map((item) => current(item)).filter((item) => item && (!type || item.type === type));
  }

  /** After (re)connecting: everything waiting goes out again, oldest first, spaced under the hub's rate limit. */
  resend() {
    this.sender.forget();
    this.sender.flush();
  }

  every(isReady) {
    this.sender.every(isReady);
  }

  /** The item an ack or error is about, if it is still the one that went out; null otherwise. */
  itemFor(ref) {
    if (typeof ref !== "string") return null;
    const bar = ref.lastIndexOf("|");
    const [id, v] = bar < 0 ? [ref, ""] : [ref.slice(0, bar), ref.slice(bar + 1)];
    const item = this.get(id);
    return item && (item.v || "") === v ? item : null;
  }

  /**
   * An ack or error: {item, outcome} with outcome "stored", "later" (kept, to go again) or "refused" (taken out:
   * a resend would not succeed), or null when it was about nothing waiting here.
   */
  reply(answer) {
    const item = this.itemFor(answer.ref);
    if (!item) return null;
    if (answer.type === "error" && RETRYABLE.has(answer.code)) {
      this.sender.later(item.id, RETRY_AFTER_MS);
      return { item, outcome: "later" };
    }
    this.outbox.remove(item.id);
    this.changed();
    return { item, outcome: answer.type === "ack" ? "stored" : "refused" };
  }
}
