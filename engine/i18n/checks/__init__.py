"""Quality checks of the questionnaire translations (``untoc i18n check``).

Every translated message of ``locales/<lang>/LC_MESSAGES/questionnaire.po`` is
compared with its English source: placeholders, footnote markers, emphasis and
lines (:mod:`.markup`); numbers and article/paragraph references in the
language's style (:mod:`.references`); quoted answer labels and quotation marks
(:mod:`.quotes`); the official terms of ``locales/terminology.yaml``
(:mod:`.terms`); English left over (:mod:`.english`); typography and length
(:mod:`.typography`); and, across messages, the same English translated the same
way (:mod:`.consistency`). Each finding carries a stable code (:mod:`.codes`).
Untranslated and fuzzy messages are not checked: they are *missing*, which
``untoc i18n status`` counts.
"""

from __future__ import annotations

from engine.i18n.checks.codes import CODES
from engine.i18n.checks.runner import CheckResult, TranslationFinding, check_catalog

__all__ = ["CODES", "CheckResult", "TranslationFinding", "check_catalog"]
