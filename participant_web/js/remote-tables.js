// The remote's "Tafels": divide the room, hand each host its link, run the presentations.

import { currentLang, t } from "./i18n.js";
import { formatClock, remaining, stampTimer, urgency } from "./clock.js";
import { byId, el, show, syncList } from "./elements.js";

const TABLE_KINDS = new Set(["break", "tables", "presentations"]);
let countTouched = false;
let opened = null; // the block kind the section was last opened or closed for
let presentingTimer = null;

/** A theme's title in the remote's language when the agenda has it, else as the agenda wrote it. */
function themeTitle(theme) {
  const mine = theme.translations && theme.translations[currentLang()];
  return (mine && mine.title) || theme.title;
}

function tableName(table) {
  return table.theme ? t("display.table_theme", { number: table.number, theme: themeTitle(table.theme) })
    : t("display.table", { number: table.number });
}

/** Draw the section from the remote VIEW's `tables`. */
export function drawTables(view) {
  const tables = view.tables || { list: [], explanation: {}, suggested: 1, presentation: null };
  const kind = view.block ? view.block.kind : "";
  // Open by itself when the evening reaches the tables; the facilitator may still fold it away.
  if (opened !== kind) {
    opened = kind;
    byId("tables-details").open = TABLE_KINDS.has(kind) || byId("tables-details").open;
  }
  const list = tables.list || [];
  const count = byId("table-count");
  if (!countTouched && document.activeElement !== count) count.value = String(list.length || tables.suggested || 1);
  byId("table-suggested").textContent = t("remote.table_suggested", { n: tables.suggested || 1, people: view.devices || 0 });
  byId("divide").textContent = t(list.length ? "remote.divide_again" : "remote.divide");
  const explanation = tables.explanation || {};
  byId("tables-explanation").textContent = explanation[currentLang()] || explanation.nl || "";
  const seats = tables.seats || [];
  const choices = [...(tables.themes || []), ...(tables.cards || [])];
  const numbers = list.map((table) => table.number);
  const atTable = (number) => seats.filter((seat) => seat.table === number);
  const signature = (table) => JSON.stringify([table, atTable(table.number), choices, numbers, currentLang()]);
  syncList(byId("tables-list"), list, (table) => table.number, (table) => {
    const linkId = `host-link-${table.number}`;
    return el("li", { class: "item table-row" },
      el("p", { class: "item-text" }, el("strong", {}, tableName(table))),
      el("p", { class: "hint" }, t("remote.table_meta", { n: table.size, notes: table.notes })),
      themePicker(table, choices),
      peopleList(table, atTable(table.number), numbers),
      el("p", { id: linkId, class: "hint" }, t("remote.host_link")),
      el("a", { class: "host-link", href: table.host_url || table.host, "aria-describedby": linkId,
        target: "_blank", rel: "noopener noreferrer" }, table.host_url || table.host));
  }, signature);
  drawPresentation(tables, list.length > 0);
}

/** A select of the agenda's themes and the shipped cards; choosing one sends tables/theme at once. */
function themePicker(table, choices) {
  const id = `table-theme-${table.number}`;
  const select = el("select", { id, class: "table-theme", "data-focus": "theme", "data-table": table.number },
    el("option", { value: "" }, t("remote.no_theme")),
    ...choices.map((theme) => el("option", { value: theme.id }, themeTitle(theme))));
  select.value = table.theme ? table.theme.id : "";
  return el("p", { class: "field" }, el("label", { for: id }, t("remote.table_theme")), select);
}

/** The people at a table, numbered by join order with their role; never a name or a device id. */
function peopleList(table, seats, numbers) {
  const rows = seats.map((seat) => {
    const id = `seat-move-${seat.seat}`;
    const role = seat.role ? t(`role.${seat.role}`) : t("remote.role_unknown");
    const select = el("select", { id, class: "seat-move", "data-focus": `move-${seat.seat}`, "data-handle": seat.handle },
      el("option", { value: "" }, t("remote.move_choose")),
      ...numbers.filter((n) => n !== table.number).map((n) => el("option", { value: String(n) }, t("display.table", { number: n }))));
    return el("li", { class: "seat" },
      el("label", { for: id }, t("remote.seat", { n: seat.seat, role })), " ", select);
  });
  return el("details", { class: "seats" },
    el("summary", {}, t("remote.people", { n: seats.length })),
    el("ul", { class: "seat-list" }, ...rows));
}

function drawPresentation(tables, divided) {
  show(byId("presentation"), divided);
  const presentation = tables.presentation;
  const current = presentation && presentation.presenting;
  presentingTimer = current ? stampTimer(current.timer) : null;
  let line = t("remote.pres_not_started");
  if (current) {
    line = t("remote.pres_now", { table: tableName(current), n: presentation.position + 1, count: presentation.count });
  } else if (presentation) {
    line = t("remote.pres_done");
  }
  byId("presentation-now").textContent = line;
  // Starting again would reset every table's clock: one tap must not do that in the middle of a presentation.
  show(byId("pres-start"), !presentation);
  byId("pres-prev").disabled = !presentation || presentation.position === 0;
  byId("pres-next").disabled = !current;
  byId("pres-extend").disabled = !current;
  show(byId("presentation-clock"), Boolean(current));
  drawPresentationClock();
}

export function drawPresentationClock() {
  if (!presentingTimer) return;
  const node = byId("presentation-clock");
  node.textContent = formatClock(remaining(presentingTimer));
  node.dataset.urgency = urgency(presentingTimer);
}

export function bindTables(command) {
  byId("table-count").addEventListener("input", () => {
    countTouched = true;
  });
  byId("divide-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const count = Number.parseInt(byId("table-count").value, 10);
    if (!Number.isInteger(count) || count < 1 || count > 50) {
      command.say(t("error.out_of_range", { lo: 1, hi: 50 }), "error");
      byId("table-count").focus();
      return;
    }
    countTouched = false;
    command("tables/assign", { count });
  });
  // One listener for every row's selects: rows are rebuilt on each change of the view.
  byId("tables-list").addEventListener("change", (event) => {
    const target = event.target;
    if (target.classList.contains("table-theme")) {
      command("tables/theme", { table: Number(target.dataset.table), theme: target.value || null });
    } else if (target.classList.contains("seat-move") && target.value) {
      command("tables/move", { seat: target.dataset.handle, table: Number(target.value) });
    }
  });
  byId("pres-start").addEventListener("click", () => command("presentation/start"));
  byId("pres-prev").addEventListener("click", () => command("presentation/previous"));
  byId("pres-next").addEventListener("click", () => command("presentation/next"));
  byId("pres-extend").addEventListener("click", () => command("presentation/extend", { minutes: 1 }));
}
