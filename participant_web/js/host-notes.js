// The host's notepad: notes as the server has them, with what still waits in the outbox laid over them.

import { t } from "./i18n.js";
import { el, syncList } from "./elements.js";

/**
 * The list a host sees: the server's notes, pending edits applied, pending removals left out, pending adds
 * at the end marked as waiting.
 */
export function mergedNotes(serverNotes, waiting) {
  const removed = new Set(waiting.filter((op) => op.op === "remove").map((op) => op.note));
  const edits = new Map(waiting.filter((op) => op.op === "edit").map((op) => [op.note, op.text]));
  const known = new Set(serverNotes.map((n) => n.id));
  const list = serverNotes
    .filter((n) => !removed.has(n.id))
    .map((n) => (edits.has(n.id) ? { ...n, text: edits.get(n.id), waiting: true } : { ...n, waiting: false }));
  for (const op of waiting) {
    if (op.op === "add" && !known.has(op.note) && !removed.has(op.note)) {
      list.push({ id: op.note, text: edits.get(op.note) ?? op.text, waiting: true });
    }
  }
  return list;
}

/**
 * Draw the notes; one at a time can be edited in place. `actions` has edit(id), save(id, text),
 * cancel(), remove(id), draft(id, text); `editing` is {id, text} or null.
 */
export function renderNotes(list, notes, editing, actions) {
  const signature = (note) => JSON.stringify([note, editing && editing.id === note.id, document.documentElement.lang]);
  syncList(list, notes, (note) => note.id, (note) => {
    const textId = `note-${note.id}`;
    if (editing && editing.id === note.id) return editRow(note, editing, actions);
    const meta = el("div", { class: "item-meta" });
    if (note.waiting) meta.append(el("span", { class: "status" }, t("status.waiting")));
    meta.append(
      el("button", {
        type: "button", class: "secondary", "aria-describedby": textId, dataset: { focus: "edit" },
        onclick: () => actions.edit(note.id),
      }, t("host.edit")),
      el("button", {
        type: "button", class: "secondary", "aria-describedby": textId, dataset: { focus: "remove" },
        onclick: () => actions.remove(note.id),
      }, t("host.remove")),
    );
    return el("li", { class: "item", dataset: { status: note.waiting ? "waiting" : "stored" } },
      el("p", { id: textId, class: "item-text", dir: "auto" }, note.text), meta);
  }, signature);
}

function editRow(note, editing, actions) {
  const fieldId = `edit-${note.id}`;
  const area = el("textarea", { id: fieldId, rows: 3, maxlength: 500, dataset: { focus: "text" } });
  area.value = editing.text;
  area.addEventListener("input", () => actions.draft(note.id, area.value));
  const form = el("form", { class: "edit-note", novalidate: true },
    el("label", { for: fieldId }, t("host.edit_label")),
    area,
    el("div", { class: "item-meta" },
      el("button", { type: "submit", class: "primary", dataset: { focus: "save" } }, t("host.save")),
      el("button", {
        type: "button", class: "secondary", dataset: { focus: "cancel" }, onclick: () => actions.cancel(),
      }, t("host.cancel"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    actions.save(note.id, area.value);
  });
  // The field takes the focus once, when editing starts; a live update keeps the draft and the caret.
  queueMicrotask(() => {
    if (!form.isConnected || form.contains(document.activeElement)) return;
    if (!editing.focused) {
      editing.focused = true;
      area.focus();
    }
  });
  return el("li", { class: "item editing" }, form);
}
