// What a parent has typed but not sent, kept in the browser: a reload, "back", a discarded tab or a dead battery
// brings it back. Once sent it lives in the outbox instead, until the hub has stored it.

export class Drafts {
  constructor(key) {
    this.key = key;
  }

  all() {
    try {
      const parsed = JSON.parse(localStorage.getItem(this.key) || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch {
      return {};
    }
  }

  /** The text kept for a box, when it was typed for `about` (a question's id; "" for any). */
  get(box, about = "") {
    const kept = this.all()[box];
    return kept && typeof kept.text === "string" && (kept.about || "") === about ? kept.text : "";
  }

  keep(box, text, about = "") {
    const drafts = this.all();
    if (text.trim()) drafts[box] = { text, about };
    else delete drafts[box];
    try {
      localStorage.setItem(this.key, JSON.stringify(drafts));
    } catch {
      // storage full or blocked: the text stays in the box while the page lives
    }
  }

  drop(box) {
    this.keep(box, "");
  }

  /** Keep a textarea's text as it is typed; `about()` says what it is typed for. */
  bind(box, about = () => "") {
    box.addEventListener("input", () => this.keep(box.id, box.value, about()));
  }
}
