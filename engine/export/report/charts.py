"""Charts of the general report: horizontal bars drawn by matplotlib, as inline SVG.

Text stays text (``svg.fonttype: none``): the browser shapes Arabic and Chinese with the page's
fonts, and the chart can be searched, copied and printed sharply. Matplotlib measures labels with
fonts of its own, which may lack a script; label widths are therefore estimated here (wide East
Asian characters count double) and long labels shortened, the full text being in the table
beside every chart. Ids inside each SVG are prefixed so that many charts can share one page.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

PALETTE = {
    "yes": "#0072B2",
    "partly": "#56B4E9",
    "conditions": "#009E73",
    "no": "#D55E00",
    "na": "#999999",
    "unanswered": "#E8E8E8",
    "left-out": "#D55E00",
    "main": "#0072B2",
}
"""Okabe–Ito colours: told apart with the common colour-vision deficiencies, and in grey print."""
CYCLE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
"""Colours for options beyond the scale, in turn."""

LABEL_UNITS = 46
"""The longest label drawn, in units of half an em (a wide character counts two)."""
_counter = itertools.count(1)
_ID = re.compile(r'(\sid=")([^"]+)(")')
_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')


@dataclass(frozen=True, slots=True)
class Series:
    """One colour of a stacked bar: its name (shown in the legend) and colour."""

    name: str
    color: str


@functools.cache
def _pyplot_free_matplotlib():  # type: ignore[no-untyped-def]
    """matplotlib, set up once: no GUI backend, text as text, no TeX-like parsing of "$"."""
    import matplotlib

    matplotlib.use("svg", force=True)
    matplotlib.rcParams.update(
        {
            "svg.fonttype": "none",
            "text.parse_math": False,
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "untoc",
        }
    )
    from matplotlib.figure import Figure

    return Figure


def text_units(text: str) -> int:
    """The width of ``text`` in half-ems, roughly: wide (East Asian) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def shorten(text: str, limit: int = LABEL_UNITS) -> str:
    """``text`` cut to about ``limit`` half-ems, with an ellipsis."""
    if text_units(text) <= limit:
        return text
    out, used = [], 0
    for char in text:
        used += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if used > limit - 1:
            break
        out.append(char)
    return "".join(out).rstrip(" ,;:") + "…"


def stacked_bars(
    labels: Sequence[str],
    values: Sequence[Sequence[float]],
    series: Sequence[Series],
    rtl: bool = False,
    percent: bool = False,
) -> str:
    """Horizontal bars, one per label (top to bottom), each stacked from ``values[i]`` in the order
    of ``series`` (a legend when there are several); mirrored for right-to-left languages.
    Returns an ``<svg>`` element."""
    figure_class = _pyplot_free_matplotlib()
    shown = [_isolated(shorten(label), rtl) for label in labels]
    label_width = max((text_units(label) for label in shown), default=4) * 0.066 + 0.2
    legend = len(series) > 1
    plot_width, margin = 4.0, 0.3
    bottom = 0.62 if legend else 0.32
    height = 0.3 * len(labels) + bottom + 0.12
    width = label_width + plot_width + margin
    figure = figure_class(figsize=(width, height))
    left = margin if rtl else label_width
    axes = figure.add_axes((left / width, bottom / height, plot_width / width, (height - bottom - 0.12) / height))
    positions = range(len(labels))
    start = [0.0] * len(labels)
    for index, serie in enumerate(series):
        widths = [row[index] for row in values]
        axes.barh(
            positions, widths, left=start, color=serie.color, label=_isolated(serie.name, rtl), height=0.7, edgecolor="white", linewidth=0.4
        )
        start = [a + b for a, b in zip(start, widths, strict=True)]
    axes.set_yticks(list(positions), shown)
    axes.set_ylim(len(labels) - 0.5, -0.5)
    axes.tick_params(axis="y", length=0)
    axes.set_xlim(0, 100 if percent else (max(start, default=0) or 1) * 1.08)
    if percent:
        axes.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0f} %")
    else:
        axes.xaxis.get_major_locator().set_params(integer=True)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    axes.set_axisbelow(True)
    if rtl:
        axes.invert_xaxis()
        axes.yaxis.tick_right()
        axes.spines["left"].set_visible(False)
        axes.spines["right"].set_visible(True)
        for tick in axes.get_yticklabels():
            tick.set_horizontalalignment("left")
    if legend:
        handles, names = axes.get_legend_handles_labels()
        if rtl:  # read from the right, as the bars stack
            handles, names = handles[::-1], names[::-1]
        figure.legend(
            handles,
            names,
            loc="lower center",
            ncols=min(len(series), 5),
            frameon=False,
            fontsize=8,
            bbox_to_anchor=(0.5, 0),
            handlelength=1.2,
        )
    return _svg(figure)


def _isolated(text: str, rtl: bool) -> str:
    """Labels isolated (FSI … PDI: each takes the direction of its first letter) in a right-to-left chart, whose own direction stays left-to-right
    so that matplotlib's anchors keep their meaning."""
    return f"\u2068{text}\u2069" if rtl else text


def _svg(figure) -> str:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # glyphs matplotlib's own fonts lack: the browser has them
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    prefix = f"c{next(_counter)}-"
    text = _ID.sub(lambda m: m.group(1) + prefix + m.group(2) + m.group(3), text)
    text = _REFERENCE.sub(lambda m: m.group(1) + prefix + m.group(2), text)
    return text.replace("<svg ", '<svg aria-hidden="true" direction="ltr" ', 1)
