"""The HTML report opened in a real Chromium and printed to PDF on A4, as a school would print it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from kiosk.report.aftercare import build_report
from kiosk.report.render_html import render_html
from tests.unit.test_report_scenario import SCRIPT, follow_up, scripted_evening


def report_file(tmp_path: Path) -> Path:
    evening = scripted_evening(tmp_path)
    follow_up(evening)
    assert evening.core.info is not None
    report = build_report(evening.stored_state(), created_at=evening.core.info.created_at)
    path = tmp_path / "terugkoppeling.html"
    path.write_text(render_html(report), encoding="utf-8")
    return path


@pytest.mark.browser
def test_html_report_prints_to_a_pdf_with_pages_and_runs_no_script(tmp_path: Path, browser: Browser) -> None:
    html_file = report_file(tmp_path)
    requests: list[str] = []
    # The session's Chromium (tests/browser/conftest.py): a second sync Playwright cannot run beside it.
    page = browser.new_page()
    try:
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(html_file.as_uri())
        assert page.locator("h1").inner_text().startswith("Terugkoppeling")
        assert page.get_by_text(SCRIPT, exact=True).count() == 1  # shown as text ...
        assert page.locator("script").count() == 0 and dialogs == []  # ... never run
        pdf = page.pdf(format="A4", print_background=True)
    finally:
        page.close()
    assert requests == [html_file.as_uri()]  # self-contained: nothing else is fetched
    assert pdf.startswith(b"%PDF")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= 1
    (tmp_path / "terugkoppeling.pdf").write_bytes(pdf)
