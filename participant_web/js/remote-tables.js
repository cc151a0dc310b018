// The remote's "Tafels": divide the room, hand each host its link, run the presentations.

import { currentLang, t } from "./i18n.js";
import { formatClock, remaining, stampTimer, urgency } from "./clock.js";
import { byId, el, show, syncList } from "./elements.js";

const TABLE_KINDS = new Set(["break", "tables", "presentations"]);
let countTouched = false;
let opened = null; // the block kind the section was last opened or closed for
let presentingTimer = null;

function tableName(table) {
  return table.theme ? t("display.table_theme", { number: table.number, theme: table.theme.title })
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
  const signature = (table) => JSON.stringify([table, currentLang()]);
  syncList(byId("tables-list"), list, (table) => table.number, (table) => {
    const linkId = `host-link-${table.number}`;
    return el("li", { class: "item table-row" },
      el("p", { class: "item-text" }, el("strong", {}, tableName(table))),
      el("p", { class: "hint" }, t("remote.table_meta", { n: table.size, notes: table.notes })),
      el("p", { id: linkId, class: "hint" }, t("remote.host_link")),
      el("a", { class: "host-link", href: table.host_url || table.host, "aria-describedby": linkId,
        target: "_blank", rel: "noopener noreferrer" }, table.host_url || table.host));
  }, signature);
  drawPresentation(tables, list.length > 0);
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
  byId("pres-start").addEventListener("click", () => command("presentation/start"));
  byId("pres-prev").addEventListener("click", () => command("presentation/previous"));
  byId("pres-next").addEventListener("click", () => command("presentation/next"));
  byId("pres-extend").addEventListener("click", () => command("presentation/extend", { minutes: 1 }));
}
