"""Shared inputs of the export tests: a hostile response and a fake partial translation."""

from __future__ import annotations

import datetime

HOSTILE = "<script>alert(1)</script> **bold** {{ 7*7 }} {% if true %}X{% endif %} &amp; \x1b[31m red \x07 ]]> <w:p/> # h"
TODAY = datetime.date(2026, 11, 23)


def hostile_response(tmp_path, language: str = "en"):
    """A Cluster I response whose answers try markup, template syntax and control characters."""
    from engine.responses.model import read

    escaped = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\x1b", "\\e").replace("\x07", "\\a")
    path = tmp_path / f"hostile-{language}.yaml"
    path.write_text(
        f"questionnaire: cluster1\nstate: Examplestan\nlanguage: {language}\nparties: [trafficking]\nuncac_party: true\nanswers:\n"
        '  "1": partly\n'
        f'  "1.a": "{escaped}"\n'
        '  "3":\n    answer: "no"\n    legislation: ["Penal Code, art. 210"]\n    links: ["https://sherloc.unodc.org/x"]\n'
        f'    comment: "{escaped}"\n'
        '  "3.a": yes\n',
        encoding="utf-8",
    )
    return read(path)


def fake_translation(monkeypatch, translations: dict[str, str]) -> None:
    """Pretend the questionnaire catalogs translate exactly ``translations`` (whatever the real catalogs hold)."""
    from engine.export import document

    monkeypatch.setattr(document, "questionnaire_text", lambda text, lang, context=None: translations.get(text, text))
    monkeypatch.setattr(document, "is_translated", lambda text, lang, context=None: lang == "en" or text in translations)


def notice(lang: str) -> str:
    """The "unofficial translation" sentence in ``lang``, whatever the catalogs hold today."""
    from engine.export import chrome
    from engine.i18n import use

    with use(lang):
        return chrome.unofficial()
