"""The aftercare report as Markdown; every piece of user text is escaped so it reads literally."""

from __future__ import annotations

import re
import unicodedata
from datetime import tzinfo

from kiosk.catalog import format_date, format_due, format_number, language_name
from kiosk.core.readings.summary import PromptSummary, SummaryItem
from kiosk.report.aftercare import (
    ActionReport,
    AftercareReport,
    BlockReport,
    ChoiceResult,
    QuestionReport,
    RatingResult,
)
from kiosk.report.texts import label

# Escapes go only where CommonMark would otherwise read markup, so a plain "Doe dit elk jaar!" stays as it is.
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_HEADING = re.compile(r"^#{1,6}(?:\s|$)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_RULE_OR_UNDERLINE = re.compile(r"^(?:[-=]+|(?:-\s*){3,})$")


def _blank(char: str) -> bool:
    """Whitespace as CommonMark counts it for emphasis (Python's isspace() counts a few more)."""
    return char in " \t\n\f\r" or unicodedata.category(char) == "Zs"


def _escape_char(line: str, i: int) -> bool:
    """Whether the character at `i` would be markup if left as it is."""
    char = line[i]
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    if char == "\\":
        return after in _ASCII_PUNCTUATION or i + 1 == len(line)
    if char in "`[":
        return True
    if char == "*":
        return not (_blank(before) and _blank(after))  # "5 * 3" can neither open nor close emphasis
    if char == "_":
        # Between two letters or digits (snake_case) or two spaces an underscore can neither open nor close.
        return not ((before.isalnum() and after.isalnum()) or (_blank(before) and _blank(after)))
    if char == "<":
        return after.isalpha() or after in "/!?"  # a tag, a comment or an autolink; "<3" is text
    if char == "&":
        return bool(_ENTITY.match(line, i))
    if char == "~":
        return before == "~" or after == "~"  # "~~" strikes through in GFM, "~~~" opens a fence
    return False


def _escape_start(line: str) -> str:
    """A line's start that would open a heading, a list, a quote, a rule or a setext underline."""
    if _HEADING.match(line) or line.startswith(">"):
        return "\\" + line
    if line[0] in "-+*" and (len(line) == 1 or line[1].isspace()):
        return "\\" + line
    if _RULE_OR_UNDERLINE.match(line):
        return "\\" + line
    return _ORDERED.sub(r"\1\\\2", line)


def _escape_inline(line: str) -> str:
    return "".join("\\" + c if _escape_char(line, i) else c for i, c in enumerate(line))


def escape_md(text: str, indent: str = "") -> str:
    """User text as literal Markdown inline text; line breaks become hard breaks continued at `indent`."""
    escaped = []
    for line in text.split("\n"):
        line = line.strip()  # leading spaces would make code blocks, trailing ones hard breaks
        if not line:
            continue  # a blank line would end the list item or paragraph the text sits in
        escaped.append(_escape_start(_escape_inline(line)))
    return ("\\\n" + indent).join(escaped)


def escape_line(text: str) -> str:
    """User text for a one-line place (a heading, a bold label): line breaks become spaces."""
    # In a heading, a run of '#' after a space at the end would be read as the heading's closing sequence.
    return re.sub(r"(\s)(#+)$", r"\1\\\2", escape_md(" ".join(text.split())))


def escape_paragraphs(text: str) -> str:
    """Longer user text (a key message): its paragraphs kept, each escaped."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "\n\n".join(
        " ".join(escape_md(line) for line in p.split("\n") if line.strip()) for p in paragraphs
    )


def _item(item: SummaryItem, lang: str, original: str, rendering: str | None = None) -> str:
    marks = []
    if item.lang and item.lang != original:
        marks.append(label(lang, "written_in", language=language_name(item.lang, lang)))
    if item.recognitions:
        marks.append(label(lang, "recognised", n=item.recognitions))
    if item.duplicates:
        marks.append(label(lang, "said_more", n=item.duplicates + 1))
    if item.source in ("paper", "spoken"):
        marks.append(label(lang, item.source))
    suffix = f" *({', '.join(marks)})*" if marks else ""
    return f"- {escape_md(item.text, '  ')}{suffix}" + _rendered(rendering, lang)


def _rendered(rendering: str | None, lang: str) -> str:
    """The facilitator's rendering under a text in another language: a line of its own in the same list item (a
    backslash before the line end is CommonMark's hard break)."""
    if not rendering:
        return ""
    said = label(lang, "rendering", language=language_name(lang, lang))
    return f"\\\n  *{said}:* {escape_md(rendering, '  ')}"


def _prompt(summary: PromptSummary, lang: str, original: str, renderings: dict[str, str]) -> list[str]:
    text = summary.text_in(lang) or label(lang, "outside_prompt")
    out = [f"#### {escape_line(text)}", ""]
    if not summary.count:
        return [*out, label(lang, "heard_none"), ""]
    roles = summary.roles
    out += [
        label(
            lang, "count_line", n=roles.total, parent=roles.parent, staff=roles.staff, unknown=roles.unknown
        )
    ]
    out.append("")
    tagged = any(g.tag for g in summary.groups)
    for group in summary.groups:
        if tagged:
            name = escape_line(group.tag) if group.tag else label(lang, "untagged")
            out += [f"**{name}** ({len(group.items)})", ""]
        out += [_item(i, lang, original, renderings.get(i.id)) for i in group.items]
        out.append("")
    return out


def _rating(rating: RatingResult, lang: str) -> list[str]:
    out = [f"#### {label(lang, 'rating')}: {escape_line(rating.prompt)}", ""]
    if rating.average is None:
        return [*out, label(lang, "rating_none"), ""]
    out.append(label(lang, "rating_line", avg=format_number(rating.average, lang), n=rating.count))
    out += [
        "",
        f"{label(lang, 'distribution')}: "
        + " · ".join(f"{v}: {n}" for v, n in enumerate(rating.distribution, 1)),
        "",
    ]
    if rating.comments:
        out += [f"{label(lang, 'comments')}:", "", *(f"- {escape_md(c, '  ')}" for c in rating.comments), ""]
    if rating.comments_held:
        out += [label(lang, "comments_held", n=rating.comments_held), ""]
    return out


def _choice(choice: ChoiceResult, lang: str) -> list[str]:
    out = [
        f"#### {label(lang, 'choice')}: {escape_line(choice.prompt)}",
        "",
        label(lang, "choice_line", n=choice.count),
        "",
    ]
    out += [f"- {escape_line(option)}: {n}" for option, n in choice.options]
    return [*out, ""]


def _block(block: BlockReport, lang: str, original: str, renderings: dict[str, str]) -> list[str]:
    out = [f"### {escape_line(block.title)}", ""]
    for summary in block.heard:
        out += _prompt(summary, lang, original, renderings)
    for rating in block.ratings:
        out += _rating(rating, lang)
    for choice in block.choices:
        out += _choice(choice, lang)
    return out


def _action(action: ActionReport, lang: str, tz: tzinfo | None) -> list[str]:
    facts = []
    if action.owner:
        facts.append(f"{label(lang, 'owner')}: {escape_line(action.owner)}")
    if action.due:
        facts.append(f"{label(lang, 'due')}: {escape_line(format_due(action.due, lang))}")
    facts.append(f"{label(lang, 'status')}: {label(lang, action.status)}")
    out = [f"- **{escape_md(action.what, '  ')}** ({'; '.join(facts)})"]
    for note in action.notes:
        when = label(
            lang, "progress_note", date=format_date(note.at, lang, tz), status=label(lang, note.status)
        )
        out.append(f"  - {when}" + (f": {escape_md(note.text, '    ')}" if note.text else ""))
    return out


def _header(report: AftercareReport, tz: tzinfo | None) -> list[str]:
    lang = report.lang
    out = [f"# {escape_line(label(lang, 'title', title=report.agenda_title))}", ""]
    if report.updated_at is not None:
        out += [f"*{label(lang, 'subtitle_update')}*", ""]
    evening = format_date(report.evening_at, lang, tz)
    dates = label(lang, "evening", date=evening)
    if report.updated_at is not None:
        dates += ", " + label(lang, "updated", date=format_date(report.updated_at, lang, tz))
    out += [dates + ".", ""]
    changes = report.changes
    if changes is not None and report.actions:
        parts = []
        if changes.added:
            parts.append(label(lang, "changes_added", n=changes.added))
        if changes.updated:
            parts.append(label(lang, "changes_updated", n=changes.updated))
        if changes.done:
            parts.append(label(lang, "changes_done", n=changes.done))
        line = (
            label(
                lang,
                "changes",
                evening=evening,
                parts=", ".join(parts[:-1]) + label(lang, "and") + parts[-1] if len(parts) > 1 else parts[0],
            )
            if parts
            else label(lang, "changes_none", evening=evening)
        )
        out += [line, ""]
    return out


def _question(question: QuestionReport, lang: str) -> str:
    marks = [label(lang, "votes", n=question.votes)] if question.votes else []
    if question.owner or question.due:
        marks.append(
            "; ".join(
                part
                for part in (
                    f"{label(lang, 'owner')}: {escape_line(question.owner)}" if question.owner else "",
                    f"{label(lang, 'due')}: {format_due(question.due, lang)}" if question.due else "",
                )
                if part
            )
        )
    if question.written_in:
        marks.insert(0, label(lang, "written_in", language=language_name(question.written_in, lang)))
    listed = f"- {escape_md(question.text, '  ')}" + (f" *({', '.join(marks)})*" if marks else "")
    return listed + _rendered(question.rendering, lang)


def _questions(report: AftercareReport, lang: str) -> list[str]:
    """The room's questions to the school, each approved one in full under how it was answered; the rest counted."""
    questions = report.questions
    if not questions.asked:
        return []
    out = [f"## {label(lang, 'questions')}", ""]
    later = len(questions.later) + questions.later_held
    out += [label(lang, "questions_line", n=questions.asked, now=questions.now, later=later), ""]
    for answer, heading in (("now", "questions_now"), ("later", "questions_later"), (None, "questions_open")):
        listed = [q for q in report.question_list if q.answer == answer]
        if listed:
            out += [f"### {label(lang, heading)}", "", *(_question(q, lang) for q in listed), ""]
    if questions.not_shown:
        out += [label(lang, "questions_not_shown", n=questions.not_shown), ""]
    return out


def render_markdown(report: AftercareReport, tz: tzinfo | None = None) -> str:
    """The whole report as CommonMark, in the report's language; `tz` fixes the dates (default: local time)."""
    lang = report.lang
    out = _header(report, tz)
    a = report.attendance
    out += [f"## {label(lang, 'attendance')}", ""]
    if a.total:
        out += [
            label(lang, "attendance_line", parent=a.parent, staff=a.staff, unknown=a.unknown, n=a.total),
            "",
        ]
    else:
        out += [label(lang, "attendance_none"), ""]
    if report.languages:
        counts = " · ".join(f"{language_name(code, lang)}: {n}" for code, n in report.languages)
        out += [label(lang, "languages_line", list=counts), ""]
    if report.key_message.strip():
        out += [f"## {label(lang, 'key_message')}", "", escape_paragraphs(report.key_message), ""]
    if report.key_points:
        out += [
            f"## {label(lang, 'key_points')}",
            "",
            *(f"- {escape_md(p, '  ')}" for p in report.key_points),
            "",
        ]
    out += [f"## {label(lang, 'heard')}", ""]
    for block in report.blocks:
        out += _block(block, lang, report.agenda_language, report.renderings)
    if report.tables:
        out += [f"## {label(lang, 'tables')}", ""]
        for table in report.tables:
            name = label(lang, "table", number=table.number) if table.number is not None else ""
            heading = ": ".join(x for x in (name, escape_line(table.theme)) if x) or label(lang, "tables")
            out += [f"### {heading}", ""]
            out += [f"- {escape_md(p, '  ')}" for p in table.points] or [label(lang, "table_none")]
            out.append("")
    out += _questions(report, lang)
    out += [f"## {label(lang, 'actions')}", ""]
    for action in report.actions:
        out += _action(action, lang, tz)
    out += [""] if report.actions else [label(lang, "actions_none"), ""]
    if report.contact.strip():
        out += [f"## {label(lang, 'contact')}", "", escape_paragraphs(report.contact), ""]
    return "\n".join(out).rstrip("\n") + "\n"
