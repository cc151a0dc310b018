// The three ways a phone answers: an open text, a 1-5 rating with a comment, a choice among options.

import { onLangChange, promptOptions, promptText, t } from "./i18n.js";
import { byId, el, show, textSize } from "./elements.js";

const MAX = 500;

export class AnswerForms {
  constructor({ submitOpen, submitResponse, feedback }) {
    this.submitOpen = submitOpen;
    this.submitResponse = submitResponse;
    this.feedback = feedback;
    this.prompt = null;
    onLangChange(() => this.render(this.prompt, this.responses, true));
  }

  bind() {
    const answer = byId("answer");
    answer.addEventListener("input", () => this.count());
    byId("open-form").addEventListener("submit", (event) => {
      event.preventDefault();
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
      this.count();
      this.submitOpen(text, this.prompt.id);
    });
    byId("rating-form").addEventListener("submit", (event) => {
      event.preventDefault();
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
    if (changed) {
      for (const id of ["open-feedback", "rating-feedback", "choice-feedback"]) this.feedback(id, "");
      byId("rating-comment").value = "";
    }
    if (!changed && !relabel && !reworded) return;
    const earlier = responses[prompt.id];
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

  /** Put a refused text back in the box when it is still the same question and the box is empty. */
  restore(item) {
    const answer = byId("answer");
    if (!this.prompt || this.prompt.id !== item.prompt || this.prompt.kind !== "open" || answer.value.trim()) {
      return false;
    }
    answer.value = item.text;
    this.count();
    return true;
  }
}
