"""How text is shown: language names in their own script; which text runs right to left.

Most terminals neither join Arabic letters (shaping) nor reorder right-to-left
runs (the bidi algorithm): Arabic then appears as isolated letters in reverse
order. For such terminals the ``shaped`` display mode of the terminal UI shapes and
reorders static text *for display only* (see ``engine.ui.display``). Terminals that do
their own bidi and shaping (mlterm, Konsole with bidi on, some builds of GNOME
Terminal/VTE ≥ 0.76 with BiDi enabled) should use ``native``.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from engine.i18n.catalogs import LANGUAGES

DisplayMode = Literal["native", "shaped"]
DISPLAY_MODES: tuple[str, ...] = ("native", "shaped")

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@functools.cache
def language_name(lang: str) -> str:
    """The language's name in its own script: ``ar`` → ``العربية``, ``zh`` → ``中文``."""
    from babel import Locale

    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def language_names() -> dict[str, str]:
    """The six working languages, each named in its own script."""
    return {lang: language_name(lang) for lang in LANGUAGES}


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))
