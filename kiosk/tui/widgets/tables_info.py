"""The theme tables on the run screen: how the room was divided, who presents, and each table's host link."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from kiosk.core.state import SessionState
from kiosk.core.tables import current_presentation, table_list
from kiosk.tui.i18n import Translator
from kiosk.tui.widgets.link_text import link_text

TABLE_KINDS = ("tables", "presentations")


class TablesInfo(Static):
    """Shown during the theme tables and their presentations, once the room is divided.

    The hosts' QR codes are not drawn here: a code needs more rows than this panel has at 80x24. `t` shows each
    one over the whole terminal (screens/table_codes.py); here each link stays whole on its own lines."""

    def show(self, state: SessionState, now: float, base_url: str, t: Translator) -> None:
        from kiosk.tui.screens.table_codes import host_link

        tables = state.tables
        self.display = tables.assigned and state.block.kind in TABLE_KINDS
        if not self.display:
            return
        explanation = tables.explanation.get(t.lang) or tables.explanation.get("nl", "")
        parts: list[RenderableType] = [Text(t("run.tables"), style="bold"), Text(explanation)]
        presenting = current_presentation(state, now)
        width = max(self.content_region.width - 2, 20)
        for table, shown in zip(tables.tables, table_list(state), strict=True):
            line = Text(t("run.table", n=table.number), style="bold")
            line.append(f" {shown.theme.title_in(t.lang)}" if shown.theme else "")
            meta = t.plural("count.people", shown.size) + ", " + t.plural("count.points", len(table.notes))
            line.append(f"  {meta}", style="dim")
            if presenting is not None and presenting.table == table.number:
                line.append("  " + t("run.table_presenting"), style="bold green")
            parts.append(line)
            link = link_text(host_link(base_url, table.host_token), width, style="cyan")
            parts.append(Text("  ") + link if len(link.plain) + 2 <= width else link)
        if base_url:
            parts += [Text(""), Text(t("run.table_codes_key"), style="bold")]
        self.update(Group(*parts))
