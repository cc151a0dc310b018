// The remote's questions to the school: waiting ones first, then by votes; approve or hide each, mark it
// answered now or to answer later, and put the top questions on the projector.

import { currentLang, t, tn } from "./i18n.js";
import { badge, byId, el, show, syncList } from "./elements.js";

// Waiting ones first, then most upvoted, then the one asked first: as the server ranks them.
export const remoteQuestionOrder = (a, b) =>
  (a.status !== "pending") - (b.status !== "pending") || (b.count || 0) - (a.count || 0) || a.n - b.n;

export function drawQuestions(view, command) {
  const items = view.questions || [];
  const totals = view.question_totals || {};
  byId("questions-totals").textContent = t("questions.remote_totals", {
    all: totals.all || 0, pending: totals.pending || 0, approved: totals.approved || 0,
    hidden: totals.hidden || 0, now: totals.now || 0, later: totals.later || 0,
  });
  byId("questions-on-display").checked = Boolean(view.questions_on);
  show(byId("no-questions"), items.length === 0);
  const signature = (item) => JSON.stringify([item, currentLang()]);
  syncList(byId("questions-list"), items, (item) => item.id, (item) => {
    const textId = `q-${item.id}`;
    const count = Number(item.count) || 0;
    const row = el("li", { class: "item", dataset: { status: item.status } },
      el("p", { id: textId, class: "item-text", dir: "auto" }, item.text));
    const meta = el("div", { class: "item-meta" },
      el("span", { class: "status" }, t(`moderation.${item.status}`)),
      count > 0 ? badge(count, tn("questions.votes", count)) : null);
    if (item.held) meta.append(el("span", { class: "held" }, t(`held.${item.held}`)));
    if (item.role) meta.append(el("span", { class: "tag" }, t(`role.${item.role}`)));
    const button = (label, focus, className, type, data, pressed = null) => el("button", {
      type: "button", class: className, "aria-describedby": textId, dataset: { focus },
      "aria-pressed": pressed === null ? null : String(pressed),
      onclick: () => command(type, { id: item.id, ...data }, "questions-feedback"),
    }, t(label));
    if (item.redact) {
      // One tap: what moderation found becomes "[naam]", "[adres]"..., and the question is shown.
      meta.append(button("remote.redact", "redact", "primary", "question/redact",
        { lang: currentLang() }));
    }
    if (item.status !== "approved") {
      meta.append(el("button", {
        type: "button", class: item.redact ? "secondary" : "primary", "aria-describedby": textId,
        dataset: { focus: "approve" },
        onclick: () => {
          // A held question shown unchanged is a choice made twice.
          if (!item.confirm) command("question/approve", { id: item.id }, "questions-feedback");
          else if (window.confirm(t("remote.confirm_held", { reason: t(`held.${item.held}`) }))) {
            command("question/approve", { id: item.id, confirm: true }, "questions-feedback");
          }
        },
      }, t("remote.approve")));
    }
    if (item.status !== "hidden") meta.append(button("remote.hide", "hide", "secondary", "question/hide", {}));
    for (const answer of ["now", "later"]) {
      const on = item.answer === answer;
      meta.append(button(`questions.answer_${answer}`, `answer-${answer}`, "toggle", "question/answer",
        { answer: on ? null : answer }, on));
    }
    row.append(meta);
    return row;
  }, signature);
}

export function bindQuestions(command) {
  byId("questions-on-display").addEventListener("change", (event) => {
    command("display/questions", { on: event.target.checked }, "questions-feedback");
  });
}
