"""The aftercare report as a plain dict for `--format json`; no device or contribution ids."""

from __future__ import annotations

from typing import Any

from kiosk.core.readings.summary import PromptSummary, RoleSplit
from kiosk.report.aftercare import AftercareReport


def _roles(split: RoleSplit) -> dict[str, int]:
    return {"parent": split.parent, "staff": split.staff, "unknown": split.unknown}


def _prompt(summary: PromptSummary, lang: str, renderings: dict[str, str]) -> dict[str, Any]:
    return {
        "prompt": summary.text_in(lang) or None,
        "count": summary.count,
        "roles": _roles(summary.roles),
        "groups": [
            {
                "tag": group.tag,
                "contributions": [
                    {
                        "text": item.text,
                        "recognitions": item.recognitions,
                        "duplicates": item.duplicates,
                        "source": item.source,
                        "role": item.role,
                        "pinned": item.pinned,
                        "lang": item.lang,
                        "rendering": renderings.get(item.id),  # in the report's language, by the facilitator
                    }
                    for item in group.items
                ],
            }
            for group in summary.groups
        ],
    }


def report_to_json(report: AftercareReport) -> dict[str, Any]:
    """Everything in the report as JSON-ready data; times are Unix seconds."""
    changes = report.changes
    return {
        "lang": report.lang,
        "agenda_title": report.agenda_title,
        "evening_at": report.evening_at,
        "evening_end": report.evening_end,
        "updated_at": report.updated_at,
        "attendance": _roles(report.attendance),
        "contribution_count": report.contribution_count,
        "languages": dict(report.languages),  # answers by the language of the phone's page; {} when all alike
        "blocks": [
            {
                "index": block.index,
                "title": block.title,
                "heard": [_prompt(p, report.lang, report.renderings) for p in block.heard],
                "ratings": [
                    {
                        "prompt": r.prompt,
                        "count": r.count,
                        "average": r.average,
                        "distribution": dict(zip(("1", "2", "3", "4", "5"), r.distribution, strict=True)),
                        "comments": list(r.comments),
                        "comments_held": r.comments_held,
                    }
                    for r in block.ratings
                ],
                "choices": [
                    {
                        "prompt": c.prompt,
                        "count": c.count,
                        "options": [{"option": o, "count": n} for o, n in c.options],
                    }
                    for c in block.choices
                ],
            }
            for block in report.blocks
        ],
        "tables": [{"number": t.number, "theme": t.theme, "points": list(t.points)} for t in report.tables],
        "key_message": report.key_message,
        "key_points": list(report.key_points),
        "actions": [
            {
                "what": a.what,
                "owner": a.owner,
                "due": a.due,
                "status": a.status,
                "created_at": a.created_at,
                "progress": [{"at": n.at, "status": n.status, "note": n.text} for n in a.notes],
            }
            for a in report.actions
        ],
        "contact": report.contact,
        "questions": {
            "asked": report.questions.asked,
            "answered_now": report.questions.now,
            "later": [{"text": text, "votes": votes} for text, votes in report.questions.later],
            "later_not_approved": report.questions.later_held,
            "approved": [
                {
                    "text": q.text,
                    "votes": q.votes,
                    "answer": q.answer,
                    "owner": q.owner,
                    "due": q.due or None,
                    "written_in": q.written_in or None,
                    "rendering": q.rendering or None,
                }
                for q in report.question_list
            ],
            "not_approved": report.questions.not_shown,
        },
        "changes": None
        if changes is None
        else {"added": changes.added, "updated": changes.updated, "done": changes.done},
    }
