"""Chart images: the page's Vega-Lite specs as standalone PNG and SVG files (framed with the
scenario's note, through vl-convert), and the same specs scaled for print, so the PDF's
charts keep text of at least 8 pt at their printed size.
"""

from __future__ import annotations

import copy
import json
import re
import struct
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from simulator.charts import CHART_WIDTH, YEAR_LABEL_PX, title_texts
from simulator.files.briefing import About

PT_MM = 25.4 / 72  # one typographic point [mm]
PRINT_MIN_PT = 8.0  # smallest chart text in the printed briefing [pt]
PRINT_CHART_PX = 400  # plot width of a chart drawn for print [CSS px]
PRINT_CHART_HEIGHT_PX = 240  # plot height of a chart drawn for print [CSS px]
PRINT_Y_TICKS = 6  # about as many value labels on a printed chart's y axis
PRINT_MOST_TICKS = 5  # at most as many explicit (year) labels on a printed chart's axis
PRINT_PLOT_HEIGHTS_PX = (170, 480)  # the plot heights a briefing may stretch a chart to
PRINT_SCALE = 3.0  # image pixels per CSS pixel: about 330 dpi at 88 mm wide
# Vega-Lite properties that set a text size, and Vega's sizes where a spec sets none [px].
FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")
VEGA_FONT_DEFAULTS = {
    "axis": {"labelFontSize": 10, "titleFontSize": 11},
    "legend": {"labelFontSize": 10, "titleFontSize": 11},
    "title": {"fontSize": 13, "subtitleFontSize": 10},
    "text": {"fontSize": 11},
}
IMAGE_NOTE_PX = 12  # text size of the scenario note under an exported chart [px]


def _records(data: Any) -> Any:
    """A dataset as a list of records (from a DataFrame or an Arrow table)."""
    if isinstance(data, pd.DataFrame):
        return data.to_dict(orient="records")
    if hasattr(data, "to_pylist"):
        return data.to_pylist()
    return data


def _inline(spec: Mapping[str, Any], width: int, height: int | None = None) -> dict[str, Any]:
    """A page spec made standalone: datasets as records and a fixed width (and height)."""
    datasets = {name: _records(frame) for name, frame in spec.get("datasets", {}).items()}
    out = {**spec, "datasets": datasets, "width": width, "background": "white"}
    if "params" in spec:
        # The page's charts fit their text to the column's width; an image's width is fixed.
        out["params"] = [
            {"name": p["name"], "value": width} if p.get("name") == CHART_WIDTH else p
            for p in spec["params"]
        ]
    if height is not None:
        out["height"] = height
    return out


TOP_LEVEL = ("$schema", "config", "datasets", "background", "params")


def title_parts(spec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """A spec's title and subtitle as lists of lines."""
    if "title" in spec.get("usermeta", {}):  # the page's charts: titles are expressions
        title, subtitle = title_texts(dict(spec))
        return [title] if title else [], [subtitle] if subtitle else []
    title = spec.get("title") or {}
    if isinstance(title, str | list):
        title = {"text": title}

    def lines(value: Any) -> list[str]:
        if not value:
            return []
        return [value] if isinstance(value, str) else [str(v) for v in value]

    return lines(title.get("text")), lines(title.get("subtitle"))


def _wrap(lines: list[str], width_px: float, font_px: float) -> list[str]:
    """Lines wrapped to about ``width_px`` (an average character is ~0.55 em wide)."""
    chars = max(20, int(width_px / (0.55 * font_px)))
    out: list[str] = []
    for line in lines:
        out.extend(textwrap.wrap(line, chars, break_long_words=True) or [""])
    return out


def _lines_after(lines_expr: str, more: list[str]) -> str:
    """A Vega expression: the lines (an array) of ``lines_expr`` followed by ``more``."""
    newline = json.dumps("\n")
    return (
        f"split(join({lines_expr}, {newline}) + {json.dumps(chr(10) + chr(10).join(more))}, "
        f"{newline})"
    )


FRAMED_VIEW = "chart"  # the chart's name inside an image's frame (its x scale: "chart_x")
_X_SCALE = re.compile(r"(domain|range|scale|invert)\('x'")
_WIDTH = re.compile(r"(?<![\w.'])width(?![\w'])")


def _own_x_scale(node: Any) -> Any:
    """``node`` with every expression that reads the view's x scale (``domain('x')``,
    ``scale('x', …)``) and plot ``width`` pointed at the framed chart's own scale: inside a
    vconcat, Vega-Lite names it after the view (``chart_x``), so the year ticks found no
    scale and the images had no years."""
    if isinstance(node, Mapping):
        return {key: _own_x_scale(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_own_x_scale(value) for value in node]
    if isinstance(node, str) and _X_SCALE.search(node):
        scale = f"{FRAMED_VIEW}_x"
        node = _X_SCALE.sub(lambda m: f"{m.group(1)}('{scale}'", node)
        return _WIDTH.sub(f"range('{scale}')[1]", node)
    return node


def _framed(spec: Mapping[str, Any], width: int, about: About) -> dict[str, Any]:
    """The chart with the scenario's name under its title and, below it, the settings, the
    link and the source line, as one image (a vconcat whose title sits at the bottom)."""
    inline = _inline(spec, width)
    inner = {k: v for k, v in inline.items() if k not in TOP_LEVEL}
    inner = {**_own_x_scale(inner), "name": FRAMED_VIEW}
    title, subtitle = title_parts(inline)
    config = inline.get("config", {}).get("title", {})
    title_px = config.get("fontSize", VEGA_FONT_DEFAULTS["title"]["fontSize"])
    sub_px = config.get("subtitleFontSize", VEGA_FONT_DEFAULTS["title"]["subtitleFontSize"])
    name = _wrap([about.title], width, title_px)
    text = inline.get("title", {}).get("text") if isinstance(inline.get("title"), Mapping) else None
    if isinstance(text, Mapping) and "expr" in text:
        # The page's title is a Vega expression (lines fitted to the width): the scenario's
        # name is added as further lines of it, and the subtitle kept as it is.
        inner["title"] = {
            **inline["title"],
            "text": {"expr": _lines_after(text["expr"], name)},
        }
    else:
        inner["title"] = {
            "text": _wrap([*title, about.title], width, title_px),
            "subtitle": _wrap(subtitle, width, sub_px),
        }
    note = about.lines()[1:]
    return {
        **{k: v for k, v in inline.items() if k in TOP_LEVEL},
        "vconcat": [inner],
        "title": {
            "text": _wrap(note, width, IMAGE_NOTE_PX),
            "orient": "bottom",
            "anchor": "start",
            "fontSize": IMAGE_NOTE_PX,
            "fontWeight": "normal",
            "color": "#444444",
            "offset": 14,
        },
    }


def _standalone(spec: Mapping[str, Any], width: int, about: About | None) -> dict[str, Any]:
    return _framed(spec, width, about) if about else _inline(spec, width)


def chart_png(
    spec: Mapping[str, Any], width: int = 900, scale: float = 2.0, about: About | None = None
) -> bytes:
    """A chart as a high-resolution PNG (for slides); with ``about``, the scenario's name
    under the title and its settings, link and source line below the chart."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(_standalone(spec, width, about), scale=scale)


def chart_svg(spec: Mapping[str, Any], width: int = 900, about: About | None = None) -> bytes:
    """A chart as SVG, with the same note as :func:`chart_png`."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(_standalone(spec, width, about)).encode("utf-8")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG [image px], from its header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _font_sizes(node: Any) -> list[float]:
    """Every text size set anywhere in a spec (marks, config), datasets left out."""
    found: list[float] = []
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key == "datasets":
                continue
            if key in FONT_KEYS and isinstance(value, int | float):
                found.append(float(value))
            else:
                found.extend(_font_sizes(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_font_sizes(value))
    return found


def _scale_fonts(node: Any, factor: float) -> Any:
    if isinstance(node, Mapping):
        return {
            key: (
                value * factor
                if key in FONT_KEYS and isinstance(value, int | float)
                else _scale_fonts(value, factor)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_scale_fonts(value, factor) for value in node]
    return node


def print_spec(spec: Mapping[str, Any], factor: float) -> dict[str, Any]:
    """A deep copy of ``spec`` without its title (the PDF sets it as text), every text size
    written out (Vega's defaults where the spec had none) and multiplied by ``factor``."""
    bare = {k: copy.deepcopy(v) for k, v in spec.items() if k not in ("title", "datasets")}
    config = bare.setdefault("config", {})
    for part, sizes in VEGA_FONT_DEFAULTS.items():
        target = config.setdefault(part, {})
        for key, size in sizes.items():
            target.setdefault(key, size)
    # Larger text on a small plot: fewer value ticks, or their labels crowd; and legend
    # labels whole, not cut at Vega's 160 px.
    config.setdefault("axisY", {}).setdefault("tickCount", PRINT_Y_TICKS)
    config["legend"]["labelLimit"] = 0
    scaled = _thin_ticks(_scale_fonts(bare, factor))
    # Year labels are spaced for their text: larger text, wider spacing.
    if "params" in scaled:
        scaled["params"] = [
            {**p, "value": p["value"] * factor} if p.get("name") == YEAR_LABEL_PX else p
            for p in scaled["params"]
        ]
    scaled["datasets"] = spec.get("datasets", {})
    return scaled


def _thin_ticks(node: Any, most: int = PRINT_MOST_TICKS) -> Any:
    """Explicit axis ticks (the page labels every second year) cut to at most ``most``,
    counted back from the last so the end year keeps its label: larger print text would
    otherwise make Vega drop overlapping labels, the end year among them."""
    if isinstance(node, list):
        return [_thin_ticks(value, most) for value in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _thin_ticks(value, most) for key, value in node.items()}
    ticks = out.get("axis", {}).get("values") if isinstance(out.get("axis"), Mapping) else None
    if isinstance(ticks, list) and len(ticks) > most:
        step = -(-len(ticks) // most)  # ceiling division
        out["axis"] = {**out["axis"], "values": ticks[::-1][::step][::-1]}
    return out


@dataclass(frozen=True)
class PrintedChart:
    """A chart drawn for print: the PNG, its width in CSS pixels, its smallest text [px],
    and the title and subtitle lines the PDF sets as text."""

    png: bytes
    width_px: float
    smallest_font_px: float
    title: list[str]
    subtitle: list[str]

    def smallest_pt(self, width_mm: float) -> float:
        """The smallest chart text [pt] when the image is placed ``width_mm`` wide."""
        return self.smallest_font_px * width_mm / self.width_px / PT_MM


def printed_chart(
    spec: Mapping[str, Any],
    width_mm: float,
    *,
    height_mm: float | None = None,
    min_pt: float = PRINT_MIN_PT,
    width_px: int = PRINT_CHART_PX,
    height_px: int = PRINT_CHART_HEIGHT_PX,
    scale: float = PRINT_SCALE,
) -> PrintedChart:
    """``spec`` drawn so that its smallest text is at least ``min_pt`` when placed
    ``width_mm`` wide and, given ``height_mm``, so that it fills about that height.

    The image's whole width (plot, axes and legend) fixes millimetres per pixel. Fonts
    grow by a factor f; the axes and legend grow with them, so the width is taken as
    ``plot + margin * f``, measured from a quick SVG layout, and f solved from it; another
    layout checks (and corrects) before the one PNG is drawn. The plot's height is then
    set so that the whole image is ``height_mm`` tall (within PRINT_PLOT_HEIGHTS_PX).
    """
    title, subtitle = title_parts(spec)
    smallest = min(_font_sizes(print_spec(spec, 1.0)))
    needed = min_pt * PT_MM / width_mm  # font px per image px for min_pt
    factor, plot_height, fits = 1.0, height_px, 0 if height_mm else 2
    for _ in range(10):
        scaled = print_spec(spec, factor)
        width, height = _svg_size(_inline(scaled, width_px, plot_height))
        if smallest * factor / width >= needed:
            wanted = 0.98 * (height_mm or 0) * width / width_mm  # image px
            if fits < 2 and abs(height - wanted) > 0.02 * wanted:
                fits += 1
                low, high = PRINT_PLOT_HEIGHTS_PX
                plot_height = int(min(max(wanted - (height - plot_height), low), high))
                continue  # a taller plot may carry wider tick labels: lay out again
            png = _render_png(scaled, width_px, plot_height, scale)
            return PrintedChart(
                png=png,
                width_px=png_size(png)[0] / scale,
                smallest_font_px=smallest * factor,
                title=title,
                subtitle=subtitle,
            )
        margin = max(width - width_px, 0.0) / factor  # image px per unit of f
        if smallest <= needed * margin:
            break  # the margins alone outgrow the fonts: no factor reaches min_pt
        factor = max(factor * 1.02, 1.01 * needed * width_px / (smallest - needed * margin))
    raise RuntimeError(f"chart text stays under {min_pt} pt at {width_mm} mm")


def _svg_size(spec: Mapping[str, Any]) -> tuple[float, float]:
    """Width and height of a spec's image [CSS px], from a vector layout (faster than a
    PNG)."""
    import vl_convert as vlc

    head = vlc.vegalite_to_svg(spec)[:400]
    width = re.search(r'<svg[^>]*\swidth="([0-9.]+)"', head)
    height = re.search(r'<svg[^>]*\sheight="([0-9.]+)"', head)
    if not (width and height):
        raise ValueError("no size in the chart's SVG")
    return float(width.group(1)), float(height.group(1))


def _render_png(spec: Mapping[str, Any], width: int, height: int, scale: float) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(_inline(spec, width, height), scale=scale)
