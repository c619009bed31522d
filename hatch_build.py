"""Hatch build hook: compile the gettext catalogs (``locales/**/*.po``) into the wheel.

The repository holds only ``.po`` files (no stale ``.mo``); every build compiles
them, so no catalog can be missing from, or out of date in, the wheel.
"""

from __future__ import annotations

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        target = root / "build" / "catalogs"
        for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
            relative = po.relative_to(root / "locales").with_suffix(".mo")
            mo = target / relative
            mo.parent.mkdir(parents=True, exist_ok=True)
            with open(po, "rb") as source:
                catalog = read_po(source)
            with open(mo, "wb") as out:
                write_mo(out, catalog, use_fuzzy=False)
            build_data["force_include"][str(mo)] = f"engine/_data/locales/{relative.as_posix()}"
