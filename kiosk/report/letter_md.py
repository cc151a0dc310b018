"""The letter to parents as Markdown (and the body of its HTML); text from the room is escaped to stay literal."""

from __future__ import annotations

from datetime import tzinfo

from kiosk.catalog import format_date, format_due, format_number
from kiosk.report.letter import Change, ComeBack, Heard, LetterAction, ParentLetter
from kiosk.report.letter_words import iso, listing, say
from kiosk.report.render_md import escape_line, escape_md, escape_paragraphs


def _counts(heard: Heard, lang: str) -> str:
    marks = []
    if heard.said:
        marks.append(say(lang, "said", n=heard.said))
    if heard.recognised:
        marks.append(say(lang, "recognised", n=heard.recognised))
    return f" *({say(lang, 'comma').join(marks)})*" if marks else ""


def _text(lang: str, value: str, indent: str = "  ") -> str:
    """Text from the room or the school, escaped for Markdown and isolated for the letter's direction."""
    return iso(lang, escape_md(value, indent))


def _line(lang: str, value: str) -> str:
    return iso(lang, escape_line(value))


def _phones(letter: ParentLetter) -> str:
    """'Er deden 8 telefoons mee (5 van ouders en 2 van school).': phones, not people, said as phones."""
    lang, phones = letter.lang, letter.phones
    if not phones.total:
        return ""
    parts = [
        say(lang, key, n=n)
        for key, n in (("phones_parents", phones.parent), ("phones_staff", phones.staff))
        if n
    ]
    if not parts:
        return say(lang, "phones_plain", n=phones.total)
    return say(lang, "phones", n=phones.total, who=listing(lang, parts))


def _change(change: Change, lang: str) -> str:
    what = _text(lang, change.what)
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
        line = say(lang, "change_news", what=what, news=_text(lang, change.news))
    if change.news and change.kind in ("new", "status"):
        line += f". {_text(lang, change.news)}"
    return f"- {line}"


def _action(action: LetterAction, lang: str, tz: tzinfo | None) -> list[str]:
    out = [f"### {_line(lang, action.what)}", ""]
    facts = []
    if action.owner:
        facts.append(f"{say(lang, 'owner')}: {_line(lang, action.owner)}")
    if action.due:
        facts.append(f"{say(lang, 'due')}: {format_due(action.due, lang)}")
    facts.append(f"{say(lang, 'status')}: {say(lang, action.status)}")
    if action.overdue:
        facts.append(f"**{say(lang, 'overdue')}**")
    out += [" · ".join(facts), ""]
    if action.answers:
        numbers = listing(lang, [str(n) for n in action.answers])
        out += [say(lang, "answers_points", n=len(action.answers), points=numbers), ""]
    if action.quotes:
        out += [say(lang, "from_the_room"), ""]
        for quote in action.quotes:
            text = _text(lang, quote.text)
            line = (
                say(lang, "quote_prompt", text=text, prompt=_line(lang, quote.prompt))
                if quote.prompt
                else say(lang, "quote", text=text)
            )
            if quote.recognised:
                line += f" *({say(lang, 'recognised', n=quote.recognised)})*"
            out.append(f"- {line}")
        out.append("")
    if action.news and action.news_at is not None:
        date = format_date(action.news_at, lang, tz)
        out += [say(lang, "news", date=date, news=iso(lang, escape_md(action.news))), ""]
    return out


def _come_back(question: ComeBack, lang: str) -> str:
    text = _text(lang, question.text)
    owner = _line(lang, question.owner) if question.owner else ""
    due = format_due(question.due, lang) if question.due else ""
    if owner and due:
        who = say(lang, "come_back_by", owner=owner, date=due)
    elif owner or due:
        who = say(lang, "come_back_owner", owner=owner) if owner else say(lang, "come_back_date", date=due)
    else:
        return f"- {text}"
    return f"- {text}\\\n  *{who}*"


def _next(letter: ParentLetter) -> str:
    lang, update = letter.lang, letter.next_update
    via = _line(lang, update.via) if update.via else ""
    if update.day:
        date = format_due(update.day, lang)
        return say(lang, "next", date=date, via=via) if via else say(lang, "next_letter", date=date)
    return say(lang, "next_unknown_via", via=via) if via else say(lang, "next_unknown")


def _what_we_did(letter: ParentLetter) -> list[str]:
    lang = letter.lang
    out = [f"## {say(lang, 'did')}", ""]
    if letter.asked:
        out += [say(lang, "asked"), "", *(f"- {_text(lang, q)}" for q in letter.asked), ""]
    if letter.themes:
        out += [say(lang, "themes", themes=listing(lang, [_line(lang, t) for t in letter.themes])), ""]
    if letter.answer_count:
        out += [say(lang, "answers", n=letter.answer_count), ""]
    if letter.heard:
        out += [f"## {say(lang, 'heard_answers' if letter.heard_from_answers else 'heard')}", ""]
        out += [f"{n}. {_text(lang, h.text, '   ')}{_counts(h, lang)}" for n, h in enumerate(letter.heard, 1)]
        out.append("")
    for rating in letter.ratings:
        avg = format_number(rating.average, lang)
        out += [say(lang, "rating", prompt=_line(lang, rating.prompt), avg=avg, n=rating.count), ""]
    if letter.key_message.strip():
        out += [f"## {say(lang, 'key_message')}", "", iso(lang, escape_paragraphs(letter.key_message)), ""]
    return out


def letter_body(letter: ParentLetter, tz: tzinfo | None = None) -> list[str]:
    """Everything below the letterhead: greeting, news, what we did and heard, the actions, what comes next."""
    lang = letter.lang
    evening = format_date(letter.evening_at, lang, tz)
    out = [say(lang, "greeting"), ""]
    out += [say(lang, "intro", date=evening, title=_line(lang, letter.agenda_title)), ""]
    phones = _phones(letter)
    out += [f"{phones} {say(lang, 'thanks')}" if phones else say(lang, "thanks"), ""]
    if letter.previous_letter_at is not None:
        since = format_date(letter.previous_letter_at, lang, tz)
        if letter.changes:
            out += [f"## {say(lang, 'changes', date=since)}", ""]
            out += [_change(c, lang) for c in letter.changes]
            out.append("")
        else:
            out += [say(lang, "changes_none", date=since), ""]
    out += _what_we_did(letter)
    out += [f"## {say(lang, 'doing')}", ""]
    for action in letter.actions:
        out += _action(action, lang, tz)
    if not letter.actions:
        out += [say(lang, "doing_none"), ""]
    if letter.come_back_to:
        out += [f"## {say(lang, 'come_back')}", "", say(lang, "come_back_intro"), ""]
        out += [_come_back(q, lang) for q in letter.come_back_to]
        out.append("")
    out += [f"## {say(lang, 'next_title')}", "", _next(letter), ""]
    if letter.contact.strip():
        out += [iso(lang, escape_paragraphs(letter.contact)), ""]
    if letter.school_contact.strip():
        out += [say(lang, "reach", contact=_line(lang, letter.school_contact)), ""]
    else:
        out += [say(lang, "welcome_input"), ""]
    sender = _line(lang, letter.school) if letter.school else say(lang, "sender")
    out += [say(lang, "regards") + "\\", sender]
    return out


def render_letter_markdown(letter: ParentLetter, tz: tzinfo | None = None) -> str:
    """The whole letter as CommonMark; the logo is left to the HTML and PDF."""
    lang = letter.lang
    head = [f"# {say(lang, 'title')}", ""]
    dateline = format_date(letter.written_at, lang, tz)
    head += [f"{_line(lang, letter.school)} · {dateline}" if letter.school else dateline, ""]
    return "\n".join(head + letter_body(letter, tz)).rstrip("\n") + "\n"
