"""Make ``engine/export/fonts/untoc-symbols.ttf``: the few symbols the exports use that the text fonts lack.

Usage: python tools/make_symbols_font.py NotoSansSymbols2-Regular.ttf NotoSansMath-Regular.ttf

The checkboxes (☐ ☑ ☒), marks (✓ ✗) and spaces come from Noto Sans Symbols 2, the routing arrow (↳)
from Noto Sans Math (Debian's fonts-noto-core 20201225 has both, in /usr/share/fonts/truetype/noto/;
upstream: github.com/notofonts). Both are under the SIL Open Font License 1.1, and so is the
result, a subset of the two merged into one font and renamed "untoc Symbols" (Noto is Google's
trademark). The runtime never uses this script; it only loads the font it made.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "engine" / "export" / "fonts" / "untoc-symbols.ttf"
FROM_SYMBOLS = "☐☑☒✓✗ \u00a0"  # and the spaces, which text runs next to a symbol take from its font
FROM_MATH = "↳"
FAMILY = "untoc Symbols"


def subset_of(source: Path, characters: str, target: Path) -> None:
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 13, 14]
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    font.save(target)


def rename(font: TTFont, sources: list[TTFont]) -> None:
    names = font["name"]
    copyrights = "; ".join(dict.fromkeys(str(s["name"].getDebugName(0)) for s in sources))
    for ident, value in {
        0: copyrights,
        1: FAMILY,
        2: "Regular",
        3: f"1.0;{FAMILY.replace(' ', '')}",
        4: f"{FAMILY} Regular",
        5: "Version 1.000",
        6: FAMILY.replace(" ", "") + "-Regular",
        10: "Subset of Noto Sans Symbols 2 and Noto Sans Math (SIL Open Font License 1.1) made for untoc's exports.",
    }.items():
        names.setName(value, ident, 3, 1, 0x409)
    names.names = [n for n in names.names if n.platformID == 3]


def main(symbols: Path, math: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        parts = [Path(folder) / "symbols.ttf", Path(folder) / "math.ttf"]
        subset_of(symbols, FROM_SYMBOLS, parts[0])
        subset_of(math, FROM_MATH, parts[1])
        merged = Merger().merge([str(p) for p in parts])
    rename(merged, [TTFont(symbols), TTFont(math)])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    merged.save(TARGET)
    cmap = TTFont(TARGET).getBestCmap()
    assert all(ord(c) in cmap for c in FROM_SYMBOLS + FROM_MATH), cmap
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size} bytes): {''.join(chr(c) for c in sorted(cmap))}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
