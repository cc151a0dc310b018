// The phone's two lists: others' approved answers to recognise, and my own contributions with their status.
// A tap that still waits in the outbox shows on its own row (the toggle as tapped, "wacht op verbinding"), and
// so does a refusal: where the finger is, not at the end of a long list.

import { currentLang, t, tn } from "./i18n.js";
import { badge, el, syncList } from "./elements.js";

/** The row's line about a tap not yet stored: `item.pending` "waiting" or "sending", `item.note` a refusal. */
export function tapState(item) {
  if (item.note) return el("span", { class: "row-note", dataset: { kind: "error" } }, item.note);
  if (item.pending) return el("span", { class: "row-note", dataset: { kind: "wait" } }, t(`status.${item.pending}`));
  return null;
}

/** Others' answers with a "Herken ik" toggle; my own are marked instead of offered. */
export function renderOthers(list, items, own, onToggle) {
  const signature = (item) => JSON.stringify([item, own.has(item.id), currentLang()]);
  syncList(list, items, (item) => item.id, (item) => {
    const textId = `other-${item.id}`;
    const mineToo = own.has(item.id);
    const count = Number(item.count) || 0;
    const row = el("li", { class: "item" }, el("p", { id: textId, class: "item-text", dir: "auto" }, item.text));
    const meta = el("div", { class: "item-meta" });
    if (count > 0) meta.append(badge(count, tn("phone.recognised_by", count)));
    if (mineToo) {
      meta.append(el("span", { class: "tag" }, t("phone.own")));
    } else {
      meta.append(el("button", {
        type: "button",
        class: "toggle",
        dataset: { focus: "recognise" },
        "aria-pressed": item.endorsed ? "true" : "false",
        "aria-describedby": textId,
        onclick: () => onToggle(item),
      }, t("phone.recognise")), tapState(item));
    }
    row.append(meta);
    return row;
  }, signature);
}

const STATUS = {
  waiting: "status.waiting",
  sending: "status.sending",
  pending: "status.pending",
  approved: "status.approved",
  hidden: "status.received", // a hidden contribution is not announced as such to its writer
};

/** My contributions (waiting ones first, then newest first), with a plain-language status and a "Terugnemen" button. */
export function renderMine(list, items, onWithdraw) {
  const signature = (item) => JSON.stringify([item, currentLang()]);
  syncList(list, items, (item) => item.id, (item) => {
    const textId = `mine-${item.id}`;
    const status = item.withdrawn ? "status.withdrawn" : item.merged ? "status.merged"
      : STATUS[item.status] || "status.received";
    const row = el("li", { class: "item", dataset: { status: item.withdrawn ? "withdrawn" : item.status } },
      el("p", { id: textId, class: "item-text", dir: "auto" }, item.text));
    const meta = el("div", { class: "item-meta" }, el("span", { class: "status" }, t(status)));
    if (!item.withdrawn && item.status !== "waiting" && item.status !== "sending") {
      // While the withdrawal waits the button stays (and keeps the focus) but does nothing more.
      meta.append(el("button", {
        type: "button",
        class: "secondary",
        dataset: { focus: "withdraw" },
        "aria-describedby": textId,
        "aria-disabled": item.pending ? "true" : null,
        onclick: () => item.pending || onWithdraw(item),
      }, t("phone.withdraw")));
    }
    if (item.pending) meta.append(el("span", { class: "row-note", dataset: { kind: "wait" } }, t("status.withdrawing")));
    if (item.note) meta.append(el("span", { class: "row-note", dataset: { kind: "error" } }, item.note));
    row.append(meta);
    return row;
  }, signature);
}
