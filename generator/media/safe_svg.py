"""SVG images rewritten from an allow-list: only what draws is published, never the file as it is.

An SVG is a document, not a picture: opened on its own from the site's address, a script in it
runs there, and a reference to another host calls it (a tracker, a stylesheet, a font). Looking
for bad words in the text misses what a parser sees differently (``<x:script xmlns:x=…>``,
``&#106;avascript:``, entities declared in a DOCTYPE, ``<set attributeName="href">``), so the
file is parsed (expat, any DOCTYPE refused: no entity is ever declared or expanded) and written
again with only the elements and attributes below, references only inside the file (``#id``)
and style sheets with no at-rule, no escape and no address.

What cannot be kept is sorted in two. Editor data (Inkscape's, Illustrator's, metadata, comments,
unknown attributes) is dropped silently: the image looks the same without it. Anything that would
run, call another host or change what is drawn (a script, an event handler, an animation, an
embedded HTML or image, an external link) makes the file refused, with what was found, so that
the officer exports it again rather than publishing a logo that silently lost a part.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

MAX_DEPTH = 100  # nested elements; a drawing program's deepest groups are a dozen
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = frozenset("""
    svg g defs symbol use switch title desc style
    path rect circle ellipse line polyline polygon
    text tspan textPath
    linearGradient radialGradient stop pattern clipPath mask marker
    filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
    feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
    feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting
    feSpotLight feTile feTurbulence
""".split())
# Dropped with everything inside, silently: what editors write about the drawing, never drawn.
SILENT_ELEMENTS = frozenset({"metadata"})

ATTRIBUTES = frozenset("""
    id class style lang tabindex role focusable
    x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points width height viewBox preserveAspectRatio
    transform gradientTransform patternTransform gradientUnits patternUnits patternContentUnits
    spreadMethod offset clipPathUnits maskUnits maskContentUnits filterUnits primitiveUnits
    markerUnits markerWidth markerHeight refX refY orient pathLength version baseProfile
    fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin
    stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color color-interpolation
    color-interpolation-filters color-rendering shape-rendering text-rendering image-rendering
    stop-color stop-opacity flood-color flood-opacity lighting-color clip-path clip-rule mask filter
    marker-start marker-mid marker-end display visibility overflow paint-order vector-effect
    mix-blend-mode isolation
    font-family font-size font-weight font-style font-variant font-stretch font-size-adjust
    letter-spacing word-spacing text-anchor text-decoration dominant-baseline alignment-baseline
    baseline-shift writing-mode direction unicode-bidi dx dy rotate textLength lengthAdjust
    startOffset method spacing side
    in in2 result mode type values operator k1 k2 k3 k4 stdDeviation edgeMode order kernelMatrix
    divisor bias targetX targetY preserveAlpha surfaceScale diffuseConstant specularConstant
    specularExponent kernelUnitLength scale xChannelSelector yChannelSelector radius dx dy
    azimuth elevation z pointsAtX pointsAtY pointsAtZ limitingConeAngle baseFrequency numOctaves
    seed stitchTiles tableValues slope intercept amplitude exponent
    requiredFeatures requiredExtensions systemLanguage
    media title
""".split())
# aria-* attributes describe the image to screen readers: kept (the logo's title is read from them).
ARIA = re.compile(r"^aria-[a-z]+$")
LOCAL_REF = re.compile(r"^\s*#[A-Za-z_][\w.:-]*\s*$")
CSS_FUNCTIONS = frozenset({
    "url", "rgb", "rgba", "hsl", "hsla", "calc", "var", "matrix", "translate", "translatex",
    "translatey", "scale", "scalex", "scaley", "rotate", "skewx", "skewy", "blur", "drop-shadow",
})
_CSS_FUNCTION = re.compile(r"([A-Za-z_-][\w-]*)\s*\(")
_CSS_URL = re.compile(r"url\(\s*([^)]*?)\s*\)", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


class SvgRefused(Exception):
    """An SVG the site does not publish: ``kind`` is a message key, ``found`` what was found."""

    def __init__(self, kind: str, found: str):
        super().__init__(kind, found)
        self.kind, self.found = kind, found


def clean(data: bytes) -> bytes:
    """The SVG written again from the allow-list; raises ``SvgRefused``."""
    root = _parse(data)
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgRefused("svg_invalid", _shown_tag(root.tag))
    kept = _element(root)
    kept.set("xmlns", SVG_NS)
    if any(_split(name)[0] == XLINK_NS for element in kept.iter() for name in element.attrib):
        kept.set("xmlns:xlink", XLINK_NS)
    return (_serialised(kept) + "\n").encode("utf-8")


@lru_cache(maxsize=256)
def _clean_file(path: Path, stamp: tuple) -> bytes | SvgRefused:
    try:
        return clean(path.read_bytes())
    except SvgRefused as refused:
        return refused


def clean_file(path: Path) -> bytes:
    """``clean`` of a file, cached while the file does not change (check, then build, read it once)."""
    stat = path.stat()
    result = _clean_file(path, (stat.st_mtime_ns, stat.st_size))
    if isinstance(result, SvgRefused):
        raise result
    return result


# --- parsing: expat, with no DOCTYPE and therefore no entity -----------------------------------

def _parse(data: bytes) -> ET.Element:
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[ET.Element] = []
    top: list[ET.Element] = []

    def start(name: str, attrs: dict) -> None:
        if len(stack) >= MAX_DEPTH:  # the tree is walked recursively: no RecursionError, ever
            raise SvgRefused("svg_invalid", f"depth > {MAX_DEPTH}")
        element = ET.Element(_qualified(name), {_qualified(k): v for k, v in attrs.items()})
        if stack:
            stack[-1].append(element)
        else:
            top.append(element)
        stack.append(element)

    def end(name: str) -> None:
        stack.pop()

    def text(chars: str) -> None:
        if not stack:
            return
        element = stack[-1]
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + chars
        else:
            element.text = (element.text or "") + chars

    def doctype(*args) -> None:
        # A DTD may declare entities (a billion laughs, a file of the server read by &xxe;): none allowed.
        raise SvgRefused("svg_doctype", "<!DOCTYPE")

    def entity(*args) -> None:
        raise SvgRefused("svg_doctype", "<!ENTITY")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise SvgRefused("svg_invalid", expat.ErrorString(err.code)) from None
    if not top:
        raise SvgRefused("svg_invalid", "")
    return top[0]


def _qualified(name: str) -> str:
    # expat gives "uri}local" for a name in a namespace: ElementTree's "{uri}local".
    return "{" + name if "}" in name else name


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        return uri, local
    return "", tag


def _shown_tag(tag: str) -> str:
    return "<" + _split(tag)[1]


def _serialised(element: ET.Element) -> str:
    """The kept tree as text: every element is in the SVG namespace (the default one), attributes
    have no namespace but xml: and xlink:."""
    prefixes = {XML_NS: "xml:", XLINK_NS: "xlink:", "": ""}
    name = _split(element.tag)[1]
    attributes = "".join(f" {prefixes[_split(k)[0]]}{_split(k)[1]}={quoteattr(v)}" for k, v in element.attrib.items())
    inside = escape(element.text or "") + "".join(_serialised(child) + escape(child.tail or "") for child in element)
    return f"<{name}{attributes}>{inside}</{name}>" if inside else f"<{name}{attributes}/>"


# --- the allow-list -------------------------------------------------------------------------

def _element(source: ET.Element) -> ET.Element:
    uri, local = _split(source.tag)
    kept = ET.Element(source.tag, _attributes(source, local))
    kept.text = source.text
    if local == "style":
        _check_css(source.text or "")
        if len(source):
            raise SvgRefused("svg_active", _shown_tag(source[0].tag))
    for child in source:
        child_uri, child_local = _split(child.tag)
        if child_uri == SVG_NS and child_local in ELEMENTS:
            kept.append(_element(child))
            kept[-1].tail = child.tail
        elif child_uri == SVG_NS and child_local in SILENT_ELEMENTS or child_uri not in (SVG_NS, "", "http://www.w3.org/1999/xhtml"):
            _keep_tail(kept, child.tail)  # editor data (sodipodi:namedview, metadata…): never drawn
        else:
            # In the SVG namespace but not drawn by us (script, foreignObject, image, animate, set, a…),
            # or HTML: it would run, load, move or change something. A link to another host or an
            # event handler on it is the more telling thing to name.
            _attributes(child, child_local)
            raise SvgRefused("svg_active", _shown_tag(child.tag))
    return kept


def _keep_tail(parent: ET.Element, tail: str | None) -> None:
    if not tail:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _attributes(source: ET.Element, local_tag: str) -> dict[str, str]:
    kept: dict[str, str] = {}
    for name, value in source.attrib.items():
        uri, local = _split(name)
        if local.lower().startswith("on") and uri in ("", SVG_NS):
            raise SvgRefused("svg_active", f"{local}=")
        if (uri == XLINK_NS and local == "href") or (uri == "" and local == "href"):
            if not LOCAL_REF.match(value):
                raise SvgRefused("svg_active", f'{local}="{_shown_value(value)}"')
            kept[name] = value.strip()
            continue
        if uri == XML_NS and local in ("space", "lang"):
            kept[name] = value
        elif uri == "" and (local in ATTRIBUTES or ARIA.match(local)):
            if local == "style":
                _check_css(value)
            else:
                _check_value(local, value)
            kept[name] = value
        # Anything else (inkscape:label, sodipodi:…, data-name, xlink:title…): dropped, never drawn.
    return kept


def _shown_value(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 60 else value[:59] + "…"


def _check_value(name: str, value: str) -> None:
    """A presentation attribute is CSS too: fill="url(https://…)" would load another host."""
    if "(" in value or ":" in value or "\\" in value:
        _check_css(value, attribute=name)


def _check_css(css: str, attribute: str | None = None) -> None:
    """A style sheet (or a style attribute) with no at-rule, no escape, no function but those that
    draw, and url() only to an element of this file."""
    text = _CSS_COMMENT.sub(" ", css)
    if "@" in text:
        at = re.search(r"@[\w-]*", text)
        raise SvgRefused("svg_active", at.group(0) if at else "@")
    if "\\" in text:  # an escape can hide any word from this check: u\72l( is url(
        raise SvgRefused("svg_active", "\\")
    if "<" in text:  # CDATA ends or markup inside a style
        raise SvgRefused("svg_active", "<")
    for function in _CSS_FUNCTION.finditer(text):
        if function.group(1).lower() not in CSS_FUNCTIONS:
            raise SvgRefused("svg_active", function.group(0))
    for url in _CSS_URL.finditer(text):
        if not LOCAL_REF.match(url.group(1).strip("'\"")):
            raise SvgRefused("svg_active", f"url({_shown_value(url.group(1))})")
