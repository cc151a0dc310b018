// The three ways a phone answers: an open text, a 1-5 rating with a comment, a choice among options.
// What is typed is kept as a draft until it is sent; a send button is busy until the hub has answered, so a
// second tap does nothing.

import { onLangChange, promptOptions, promptText, t } from "./i18n.js";
import { byId, el, show, textSize } from "./elements.js";

const MAX = 500;
const FORMS = { open: "open-form", rating: "rating-form", choice: "choice-form" };
const BUSY_AT_LEAST_MS = 800; // a double tap lands on a busy button even when the answer only went into the outbox
const BUSY_AT_MOST_MS = 15000;

export class AnswerForms {
  /** `waiting(promptId)`: the rating or choice for that question still in the outbox, or null. */
  constructor({ submitOpen, submitResponse, feedback, drafts, waiting = () => null }) {
    this.submitOpen = submitOpen;
    this.submitResponse = submitResponse;
    this.feedback = feedback;
    this.drafts = drafts;
    this.waiting = waiting;
    this.prompt = null;
    this.busyUntil = {}; // form kind -> {at least, at most} while its send is busy
    onLangChange(() => this.render(this.prompt, this.responses, true));
  }

  /** The form's send button says it is busy: taps are ignored until `idle` (or at most 15 s). */
  busy(kind) {
    const button = byId(FORMS[kind]).querySelector("button[type=submit]");
    button.setAttribute("aria-disabled", "true");
    button.dataset.busy = "yes";
    const since = Date.now();
    this.busyUntil[kind] = since;
    setTimeout(() => this.idle(kind, since), BUSY_AT_MOST_MS);
  }

  /** The hub answered (or the line dropped and the answer waits in the outbox): the button is free again. */
  idle(kind, since = null) {
    const started = this.busyUntil[kind];
    if (started === undefined || (since !== null && since !== started)) return;
    const left = started + BUSY_AT_LEAST_MS - Date.now();
    if (left > 0) {
      setTimeout(() => this.idle(kind, started), left);
      return;
    }
    delete this.busyUntil[kind];
    const button = byId(FORMS[kind]).querySelector("button[type=submit]");
    button.removeAttribute("aria-disabled");
    delete button.dataset.busy;
  }

  idleAll() {
    for (const kind of Object.keys(this.busyUntil)) this.idle(kind);
  }

  isBusy(kind) {
    return this.busyUntil[kind] !== undefined;
  }

  bind() {
    const answer = byId("answer");
    answer.value = answer.value || this.drafts.get("answer");
    answer.addEventListener("input", () => this.count());
    this.drafts.bind(answer);
    this.drafts.bind(byId("rating-comment"), () => (this.prompt ? this.prompt.id : ""));
    byId("open-form").addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.isBusy("open")) return;
      const text = answer.value.trim();
      if (!text) {
        this.feedback("open-feedback", t("error.empty"), "error");
        answer.focus();
        return;
      }
      if (textSize(text) > MAX) {
        this.feedback("open-feedback", t("error.too_long", { max: MAX }), "error");
        return;
      }
      answer.value = "";
      this.drafts.drop("answer");
      this.count();
      this.submitOpen(text, this.prompt.id);
    });
    byId("rating-form").addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.isBusy("rating")) return;
      const picked = byId("rating-form").querySelector("input[name=rating]:checked");
      if (!picked) {
        this.feedback("rating-feedback", t("phone.pick_rating"), "error");
        return;
      }
      const comment = byId("rating-comment").value.trim();
      this.submitResponse("rating", this.prompt.id, Number(picked.value), comment);
    });
    byId("choice-form").addEventListener("submit", (event) => {
      event.preventDefault();
      if (this.isBusy("choice")) return;
      const picked = byId("choice-form").querySelector("input[name=choice]:checked");
      if (!picked) {
        this.feedback("choice-feedback", t("phone.pick_choice"), "error");
        return;
      }
      this.submitResponse("choice", this.prompt.id, Number(picked.value), "");
    });
    this.count();
  }

  count() {
    const length = textSize(byId("answer").value.trim());
    const node = byId("answer-count");
    node.textContent = t("phone.count", { n: length, max: MAX });
    node.dataset.near = length > MAX * 0.9 ? "yes" : "no";
  }

  /** Show the form for the open prompt; a new prompt starts clean, the same prompt keeps what is typed. */
  render(prompt, responses = this.responses || {}, relabel = false) {
    this.responses = responses;
    const changed = (prompt && prompt.id) !== (this.prompt && this.prompt.id);
    this.prompt = prompt;
    const kind = prompt ? prompt.kind : null;
    show(byId("ask-open"), kind === "open");
    show(byId("ask-rating"), kind === "rating");
    show(byId("ask-choice"), kind === "choice");
    if (!prompt) return;
    // The words can change under the same question: after a language switch its translation arrives later.
    const words = JSON.stringify([promptText(prompt), promptOptions(prompt)]);
    const reworded = words !== this.words;
    this.words = words;
    const pending = this.waiting(prompt.id);
    if (changed) {
      for (const id of ["open-feedback", "rating-feedback", "choice-feedback"]) this.feedback(id, "");
      byId("rating-comment").value = this.drafts.get("rating-comment", prompt.id);
      if (pending && kind !== "open") this.feedback(`${kind}-feedback`, t("phone.saved_offline"), "wait");
    }
    if (!changed && !relabel && !reworded) return;
    // What this phone chose last: the one still waiting to be sent, else the one the hub has.
    const earlier = pending ? pending.data : responses[prompt.id];
    if (kind === "open") byId("question").textContent = promptText(prompt);
    if (kind === "rating") this.renderRating(prompt, earlier);
    if (kind === "choice") this.renderChoice(prompt, earlier);
    this.count();
  }

  renderRating(prompt, earlier) {
    byId("rating-question").textContent = promptText(prompt);
    const scale = byId("rating-scale");
    const checked = scale.querySelector("input:checked");
    const picked = checked ? Number(checked.value) : earlier && earlier.value;
    if (earlier && !byId("rating-comment").value) byId("rating-comment").value = earlier.comment || "";
    scale.replaceChildren();
    for (let value = 1; value <= 5; value += 1) {
      const input = el("input", { type: "radio", name: "rating", value, id: `rating-${value}` });
      if (picked === value) input.checked = true;
      scale.append(el("label", { class: "pick", for: `rating-${value}` }, input,
        el("span", { "aria-hidden": "true" }, String(value)),
        el("span", { class: "visually-hidden" }, t("phone.rating_value", { n: value }))));
    }
  }

  renderChoice(prompt, earlier) {
    byId("choice-question").textContent = promptText(prompt);
    const box = byId("choice-options");
    const checked = box.querySelector("input:checked");
    const picked = checked ? Number(checked.value) : earlier && earlier.value;
    box.replaceChildren();
    promptOptions(prompt).forEach((option, index) => {
      const input = el("input", { type: "radio", name: "choice", value: index, id: `choice-${index}` });
      if (picked === index) input.checked = true;
      box.append(el("label", { class: "option", for: `choice-${index}` }, input, el("span", {}, option)));
    });
  }

  /** Put a refused text back in the box when an open question shows and the box is empty: "same" when it is
   * the question it was written for, "other" when another one is open now, "" when it cannot go back. */
  restore(item) {
    const answer = byId("answer");
    if (!this.prompt || this.prompt.kind !== "open" || answer.value.trim()) return "";
    answer.value = item.text;
    this.drafts.keep("answer", item.text);
    this.count();
    return this.prompt.id === item.prompt ? "same" : "other";
  }
}
