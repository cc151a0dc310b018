"""The letter to parents as Markdown (and the body of its HTML); text from the room is escaped to stay literal."""

from __future__ import annotations

from datetime import tzinfo

from kiosk.report.letter import Change, Heard, LetterAction, ParentLetter
from kiosk.report.letter_words import listing, say
from kiosk.report.render_md import escape_line, escape_md, escape_paragraphs
from kiosk.report.texts import format_date, format_due, format_number


def _counts(heard: Heard, lang: str) -> str:
    marks = []
    if heard.said:
        marks.append(say(lang, "said", n=heard.said))
    if heard.recognised:
        marks.append(say(lang, "recognised", n=heard.recognised))
    return f" *({', '.join(marks)})*" if marks else ""


def _who(letter: ParentLetter) -> str:
    """'5 ouders en 2 mensen van school', or '8 mensen (5 ouders en 2 ...)' when some did not say who they are."""
    lang, a = letter.lang, letter.attendance
    who = listing(lang, [say(lang, key, n=n) for key, n in (("parents", a.parent), ("staff", a.staff)) if n])
    if a.unknown and who:
        return say(lang, "people", n=a.total, who=who)
    return who


def _change(change: Change, lang: str) -> str:
    what = escape_md(change.what, "  ")
    if change.kind == "new":
        line = say(lang, "change_new", what=what)
        if change.due:
            line += f" ({say(lang, 'due')} {format_due(change.due, lang)})"
    elif change.kind == "status":
        line = say(
            lang, "change_status", what=what, was=say(lang, change.was), status=say(lang, change.status)
        )
    elif change.kind == "due":
        line = say(
            lang, "change_due", what=what, due=format_due(change.due, lang), was=format_due(change.was, lang)
        )
    else:
        line = say(lang, "change_news", what=what, news=escape_md(change.news, "  "))
    if change.news and change.kind in ("new", "status"):
        line += f". {escape_md(change.news, '  ')}"
    return f"- {line}"


def _action(action: LetterAction, lang: str, tz: tzinfo | None) -> list[str]:
    out = [f"### {escape_line(action.what)}", ""]
    facts = []
    if action.owner:
        facts.append(f"{say(lang, 'owner')}: {escape_line(action.owner)}")
    if action.due:
        facts.append(f"{say(lang, 'due')}: {format_due(action.due, lang)}")
    facts.append(f"{say(lang, 'status')}: {say(lang, action.status)}")
    if action.overdue:
        facts.append(f"**{say(lang, 'overdue')}**")
    out += [" · ".join(facts), ""]
    if action.answers or action.quotes:
        out += [say(lang, "answers_to"), ""]
        out += [f"- {escape_md(h.text, '  ')}{_counts(h, lang)}" for h in action.answers]
        for quote in action.quotes:
            text = escape_md(quote.text, "  ")
            line = (
                say(lang, "quote_prompt", text=text, prompt=escape_line(quote.prompt))
                if quote.prompt
                else say(lang, "quote", text=text)
            )
            if quote.recognised:
                line += f" *({say(lang, 'recognised', n=quote.recognised)})*"
            out.append(f"- {line}")
        out.append("")
    if action.news and action.news_at is not None:
        date = format_date(action.news_at, lang, tz)
        out += [say(lang, "news", date=date, news=escape_md(action.news)), ""]
    return out


def letter_body(letter: ParentLetter, tz: tzinfo | None = None) -> list[str]:
    """Everything below the letterhead: greeting, news, what we did and heard, the actions, the contact."""
    lang = letter.lang
    evening = format_date(letter.evening_at, lang, tz)
    title = escape_line(letter.agenda_title)
    who = _who(letter)
    out = [say(lang, "greeting"), ""]
    intro = say(lang, "intro", date=evening, who=who, title=title) if who else None
    out += [intro or say(lang, "intro_nobody", date=evening, title=title), ""]
    if letter.previous_letter_at is not None:
        since = format_date(letter.previous_letter_at, lang, tz)
        if letter.changes:
            out += [f"## {say(lang, 'changes', date=since)}", ""]
            out += [_change(c, lang) for c in letter.changes]
            out.append("")
        else:
            out += [say(lang, "changes_none", date=since), ""]
    out += [f"## {say(lang, 'did')}", ""]
    if letter.questions:
        out += [say(lang, "questions"), "", *(f"- {escape_md(q, '  ')}" for q in letter.questions), ""]
    if letter.themes:
        out += [say(lang, "themes", themes=listing(lang, [escape_line(t) for t in letter.themes])), ""]
    if letter.answer_count:
        out += [say(lang, "answers", n=letter.answer_count), ""]
    if letter.heard:
        out += [f"## {say(lang, 'heard_answers' if letter.heard_from_answers else 'heard')}", ""]
        out += [f"- {escape_md(h.text, '  ')}{_counts(h, lang)}" for h in letter.heard]
        out.append("")
    for rating in letter.ratings:
        avg = format_number(rating.average, lang)
        out += [say(lang, "rating", prompt=escape_line(rating.prompt), avg=avg, n=rating.count), ""]
    if letter.key_message.strip():
        out += [f"## {say(lang, 'key_message')}", "", escape_paragraphs(letter.key_message), ""]
    out += [f"## {say(lang, 'doing')}", ""]
    for action in letter.actions:
        out += _action(action, lang, tz)
    if not letter.actions:
        out += [say(lang, "doing_none"), ""]
    if letter.come_back_to:
        out += [f"## {say(lang, 'come_back')}", "", say(lang, "come_back_intro"), ""]
        out += [f"- {escape_md(q, '  ')}" for q in letter.come_back_to]
        out.append("")
    if letter.contact.strip() or letter.school_contact.strip():
        out += [f"## {say(lang, 'contact')}", ""]
        if letter.contact.strip():
            out += [escape_paragraphs(letter.contact), ""]
        if letter.school_contact.strip():
            out += [say(lang, "reach", contact=escape_line(letter.school_contact)), ""]
    out += [say(lang, "regards") + "\\", escape_line(letter.school) if letter.school else say(lang, "sender")]
    return out


def render_letter_markdown(letter: ParentLetter, tz: tzinfo | None = None) -> str:
    """The whole letter as CommonMark; the logo is left to the HTML and PDF."""
    lang = letter.lang
    head = [f"# {say(lang, 'title')}", ""]
    dateline = format_date(letter.written_at, lang, tz)
    head += [f"{escape_line(letter.school)} · {dateline}" if letter.school else dateline, ""]
    return "\n".join(head + letter_body(letter, tz)).rstrip("\n") + "\n"
