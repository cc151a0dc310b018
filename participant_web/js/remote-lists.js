// The remote's lists: the current block's questions, and the contributions waiting for a decision.

import { currentLang, promptText, t, tn } from "./i18n.js";
import { badge, el, syncList } from "./elements.js";

export function renderPrompts(list, prompts, view, command) {
  const openId = view.prompt ? view.prompt.id : null;
  const signature = (prompt) => JSON.stringify([prompt, openId === prompt.id, view.recognition, currentLang()]);
  syncList(list, prompts, (prompt) => prompt.id, (prompt) => {
    const open = view.prompt && view.prompt.id === prompt.id;
    const textId = `prompt-${prompt.id}`;
    const row = el("li", { class: open ? "item open" : "item" },
      el("p", { id: textId, class: "item-text" }, promptText(prompt)),
      el("p", { class: "hint" }, t(`prompt_kind.${prompt.kind}`)));
    const actions = el("div", { class: "item-meta" });
    actions.append(el("button", {
      type: "button",
      class: open ? "secondary" : "primary",
      dataset: { focus: "open" },
      "aria-describedby": textId,
      onclick: () => command(open ? "prompt/close" : "prompt/open", open ? {} : { prompt: prompt.id }),
    }, t(open ? "remote.close_prompt" : "remote.open_prompt")));
    if (open && prompt.kind === "open") {
      actions.append(el("button", {
        type: "button",
        class: "toggle",
        dataset: { focus: "recognition" },
        "aria-pressed": view.recognition ? "true" : "false",
        "aria-describedby": textId,
        onclick: () => command("prompt/recognition", { open: !view.recognition }),
      }, t("remote.recognition")));
    }
    row.append(actions);
    return row;
  }, signature);
}

const ORDER = { pending: 0, approved: 1, hidden: 2 };

/** Pending first (held ones say why), then the rest newest first; approve or hide each. */
export function renderIncoming(list, items, command) {
  const rank = (item) => (item.withdrawn ? 4 : ORDER[item.status] ?? 3);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b) || (b.at || 0) - (a.at || 0));
  const signature = (item) => JSON.stringify([item, currentLang()]);
  syncList(list, sorted, (item) => item.id, (item) => {
    const textId = `in-${item.id}`;
    const row = el("li", { class: "item", dataset: { status: item.withdrawn ? "withdrawn" : item.status } },
      el("p", { id: textId, class: "item-text", dir: "auto" }, item.text));
    const meta = el("div", { class: "item-meta" }, el("span", { class: "status" },
      t(item.withdrawn ? "remote.withdrawn" : `moderation.${item.status}`)));
    if (item.held) meta.append(el("span", { class: "held" }, t(`held.${item.held}`)));
    if (item.role) meta.append(el("span", { class: "tag" }, t(`role.${item.role}`)));
    if (item.count) meta.append(badge(item.count, tn("display.recognised_by", item.count)));
    if (item.withdrawn) {
      row.append(meta);
      return row;
    }
    if (item.redact) {
      // One tap: what moderation found becomes "[naam]", "[adres]"..., and the answer is shown.
      meta.append(el("button", {
        type: "button", class: "primary", "aria-describedby": textId, dataset: { focus: "redact" },
        onclick: () => command("contribution/redact", { id: item.id, lang: currentLang() }),
      }, t("remote.redact")));
    }
    if (item.status !== "approved") {
      meta.append(el("button", {
        type: "button", class: item.redact ? "secondary" : "primary", "aria-describedby": textId,
        dataset: { focus: "approve" },
        onclick: () => {
          // A held answer shown unchanged is a choice made twice.
          if (!item.confirm) command("contribution/approve", { id: item.id });
          else if (window.confirm(t("remote.confirm_held", { reason: t(`held.${item.held}`) }))) {
            command("contribution/approve", { id: item.id, confirm: true });
          }
        },
      }, t("remote.approve")));
    }
    if (item.status !== "hidden") {
      meta.append(el("button", {
        type: "button", class: "secondary", "aria-describedby": textId, dataset: { focus: "hide" },
        onclick: () => command("contribution/hide", { id: item.id }),
      }, t("remote.hide")));
    }
    row.append(meta);
    return row;
  }, signature);
}
