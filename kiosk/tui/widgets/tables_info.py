"""The theme tables on the run screen: how the room was divided and each table's host link."""

from __future__ import annotations

from rich.columns import Columns
from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from kiosk.core.state import SessionState
from kiosk.core.tables import current_presentation, table_list
from kiosk.tui.i18n import Translator
from kiosk.tui.widgets.qr_code import qr_lines

TABLE_KINDS = ("tables", "presentations")


class TablesInfo(Static):
    """Shown during the theme tables and their presentations, once the room is divided."""

    def show(self, state: SessionState, now: float, base_url: str, t: Translator) -> None:
        tables = state.tables
        self.display = tables.assigned and state.block.kind in TABLE_KINDS
        if not self.display:
            return
        explanation = tables.explanation.get(t.lang) or tables.explanation.get("nl", "")
        parts: list[RenderableType] = [Text(t("run.tables"), style="bold"), Text(explanation)]
        presenting = current_presentation(state, now)
        codes: list[RenderableType] = []
        for table, shown in zip(tables.tables, table_list(state), strict=True):
            line = Text(t("run.table", n=table.number), style="bold")
            line.append(f" {shown.theme.title}" if shown.theme else "")
            meta = t.plural("count.people", shown.size) + ", " + t.plural("count.points", len(table.notes))
            line.append(f"  {meta}", style="dim")
            if presenting is not None and presenting.table == table.number:
                line.append("  " + t("run.table_presenting"), style="bold green")
            parts.append(line)
            # Secret like the remote's link: shown here for the facilitator to hand to the table's leader.
            link = f"{base_url}/host?token={table.host_token}"
            parts.append(Text(f"  {link}", style="cyan"))
            if base_url:
                code = Text("\n".join(qr_lines(link)), style="black on white", no_wrap=True)
                codes.append(Group(Text(t("run.table_code", n=table.number), style="bold"), code))
        if codes:
            parts += [Text(""), Text(t("run.table_codes"), style="bold"), Columns(codes, padding=(1, 2))]
        self.update(Group(*parts))
