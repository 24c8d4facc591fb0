"""Interface language.

Every message the clerk can see has a key; the catalogue modules in ``volctl.i18n.catalog``
map each key to its Chinese and English text side by side, so neither language can lag
behind the other. The language is chosen once per process: ``--lang``, else ``$VOLCTL_LANG``,
else the locale, else English; each read by :func:`language` (zh, zh_CN, zh-Hans, zh_TW…:
Chinese; anything else: English).
"""

import importlib
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from volctl import pycache

LANGS = ("zh", "en")
_lang: str | None = None
_catalogue: dict[str, tuple[str, str]] | None = None


def language(value: str) -> str:
    """The interface language a language tag or locale names: Chinese for ``zh`` in any of
    its spellings (zh, zh_CN, zh-CN, zh_CN.UTF-8, zh-Hans, zh_TW, ZH), English for anything
    else. The one rule for ``--lang``, ``$VOLCTL_LANG`` and the locale (``$LC_*``, ``$LANG``;
    ``$LANGUAGE`` lists several, the first counts)."""
    tag = value.strip().split(":", 1)[0].lower()
    return "zh" if tag == "zh" or (tag.startswith("zh") and tag[2:3] in "_-.@") else "en"


def _from_locale(environ: Mapping[str, str]) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var, "")
        if value:
            return language(value)
    return "en"


def detect(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Pick the language from the command line, the environment or the locale."""
    environ = os.environ if environ is None else environ
    for i, arg in enumerate(argv or ()):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(argv or ()):
            value = (argv or ())[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value:
            return language(value)
    env = environ.get("VOLCTL_LANG", "").strip()
    if env:
        return language(env)
    return _from_locale(environ)


def set_lang(lang: str) -> None:
    global _lang
    if lang not in LANGS:
        raise ValueError(lang)
    _lang = lang


def get_lang() -> str:
    global _lang
    if _lang is None:
        _lang = detect()
    return _lang


CATALOG = os.path.join(os.path.dirname(__file__), "catalog")
_CACHE_VERSION = 2  # 2: each language kept apart, grouped by key prefix
# Each language's texts alone, as ``t`` reads them, grouped by the key's first part (help,
# opt, click…) and each group decoded when first used: a command decodes a few of ~80.
_texts: dict[str, dict[str, bytes]] = {}
_decoded: dict[tuple[str, str], dict[str, str]] = {}
_stamps: list[tuple[str, int, int]] | None = None


def catalogue() -> dict[str, tuple[str, str]]:
    """All message keys with their (zh, en) texts, from every catalogue module.

    The merged catalogue is kept beside the modules' bytecode (``catalog/__pycache__``) and
    read back while no module changed: one file instead of importing every module, which
    costs each command ~1.5 ms. The modules stay the truth; the cache is never required."""
    global _catalogue
    if _catalogue is None:
        sources = _current_sources()
        cached = _read_cache(sources)
        if cached is not None and all(
            type(pair) is tuple and len(pair) == 2 and all(type(x) is str for x in pair)
            for pair in cached.values()
        ):
            _catalogue = cached
        else:
            _catalogue = _merge(name for name, _mtime, _size in sources)
            _write_cache(sources, _catalogue)
    return _catalogue


def texts(lang: str) -> dict[str, str]:
    """Every message key with its text in ``lang`` (the catalogue's column for it)."""
    found: dict[str, str] = {}
    for prefix in _shards(lang):
        found.update(_shard(lang, prefix))
    return found


def text_of(lang: str, key: str) -> str | None:
    """The text of ``key`` in ``lang`` (English for any language but zh); None if unknown."""
    lang = "zh" if lang == "zh" else "en"
    prefix = key.partition(".")[0]
    return (_decoded.get((lang, prefix)) or _shard(lang, prefix)).get(key)


def _shard(lang: str, prefix: str) -> dict[str, str]:
    """The texts in ``lang`` of the keys that start with ``prefix`` and a dot (help.*, opt.*):
    each group decoded when first used, so a command decodes the few it needs."""
    decoded = _decoded.get((lang, prefix))
    if decoded is None:
        import marshal

        blob = _shards(lang).get(prefix)
        try:
            decoded = marshal.loads(blob) if blob is not None else {}
            if not isinstance(decoded, dict) or not all(type(v) is str for v in decoded.values()):
                raise ValueError("not a group of texts")
        except (ValueError, EOFError, TypeError):  # a damaged cache: the modules are the truth
            column = LANGS.index(lang)
            decoded = {
                key: pair[column]
                for key, pair in catalogue().items()
                if key.partition(".")[0] == prefix
            }
        _decoded[lang, prefix] = decoded
    return decoded


def _shards(lang: str) -> dict[str, bytes]:
    """``lang``'s texts grouped by their key's first part, each group marshalled: kept in a
    cache of its own beside the whole catalogue's (read and checked the same way)."""
    found = _texts.get(lang)
    if found is None:
        sources = _current_sources()
        cached = _read_cache(sources, lang)
        if cached is not None:
            found = cached
        else:
            found = _group(catalogue(), LANGS.index(lang))
            _write_cache(sources, found, lang)
        _texts[lang] = found
    return found


def _group(merged: dict[str, tuple[str, str]], column: int) -> dict[str, bytes]:
    import marshal

    groups: dict[str, dict[str, str]] = {}
    for key, pair in merged.items():
        groups.setdefault(key.partition(".")[0], {})[key] = pair[column]
    return {prefix: marshal.dumps(group) for prefix, group in groups.items()}


def _current_sources() -> list[tuple[str, int, int]]:
    """``_sources()``, looked at once a process (the catalogue modules do not change while a
    command runs)."""
    global _stamps
    if _stamps is None:
        _stamps = _sources()
    return _stamps


def _sources() -> list[tuple[str, int, int]]:
    """The catalogue modules with what tells a changed one: (name, mtime_ns, size)."""
    found = []
    for entry in os.scandir(CATALOG):
        if entry.name.endswith(".py") and not entry.name.startswith("_"):
            info = entry.stat()
            found.append((entry.name[:-3], info.st_mtime_ns, info.st_size))
    return sorted(found)


def _merge(names: Iterable[str]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name in names:
        module = importlib.import_module(f"{__name__}.catalog.{name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice")
            merged[key] = texts
    return merged


def cache_path(lang: str | None = None) -> str | None:
    """Where the merged catalogue is kept, or with ``lang`` that language's texts (None where
    Python keeps no bytecode beside the modules)."""
    name = "messages.{tag}.marshal" if lang is None else f"messages.{{tag}}.{lang}.marshal"
    return pycache.beside(CATALOG, name)


def _read_cache(sources: list[tuple[str, int, int]], lang: str | None = None) -> Any:
    """The cached catalogue (or ``lang``'s texts) if it was made from ``sources``, else None."""
    merged = pycache.read(cache_path(lang), _CACHE_VERSION, sources)
    return merged if isinstance(merged, dict) else None


def _write_cache(
    sources: list[tuple[str, int, int]], merged: dict[str, Any], lang: str | None = None
) -> None:
    """Keep the merged catalogue (or ``lang``'s texts) for the next command."""
    pycache.write(cache_path(lang), _CACHE_VERSION, sources, merged)


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language, formatted with ``params``."""
    return t_in(get_lang(), key, **params)


def t_in(lang: str, key: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` whatever the interface language (files sent onward)."""
    text = text_of(lang, key)
    if text is None:
        # A missing key is a programming error; show the key rather than crash the clerk's work.
        return key if not params else f"{key} {params}"
    if not params:
        if "{" in text and _strict() and _unfilled(text):
            raise KeyError(f"message {key!r} needs values for {_unfilled(text)}")
        return text
    try:
        if ":~" in text or ":?" in text:
            return _format_counted(text, params)
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        # A value the message asks for was not given: a programming error, caught by the
        # tests (VOLCTL_STRICT_MESSAGES); the clerk gets the message with its gap, not a crash.
        if _strict():
            raise
        return text


def _strict() -> bool:
    return bool(os.environ.get("VOLCTL_STRICT_MESSAGES"))


def _unfilled(text: str) -> list[str]:
    """The ``{placeholders}`` of a message (for the strict check of messages given none)."""
    import re

    return re.findall(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}", text)


class _Counted:
    """A value formatted with counted words for English: ``{count:~person|people}`` gives
    "1 person" or "3 people", ``{count:?is|are}`` the word alone ("is" for 1, else "are");
    any other format is the value's own. (Not a ``string.Formatter``: importing ``string``
    costs every command that prints a count ~0.6 ms.)"""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if spec[:1] in ("~", "?"):
            one, _, many = spec[1:].partition("|")
            word = one if self.value == 1 else many
            return f"{self.value} {word}" if spec[0] == "~" else word
        return format(self.value, spec)

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return repr(self.value)


def _format_counted(text: str, params: dict[str, Any]) -> str:
    """``text.format(**params)``, the values counted in it (``{name:~…}``, ``{name:?…}``)
    formatted by ``_Counted``."""
    counted = dict(params)
    start = 0
    while (i := text.find("{", start)) >= 0:
        end = text.find(":", i)
        start = i + 1
        if end > i and text[end + 1 : end + 2] in ("~", "?"):
            name = text[i + 1 : end]
            if name in counted and not isinstance(counted[name], _Counted):
                counted[name] = _Counted(counted[name])
    return text.format(**counted)


def spoken_date(day: Any) -> str:
    """A date as the interface says it in a sentence: 2026年12月7日 in Chinese, 2026-12-07 in
    English (data, JSON and file names keep ISO dates)."""
    text = str(day)[:10]
    if get_lang() != "zh" or len(text) != 10 or text[4] != "-":
        return text
    year, month, dom = text.split("-")
    return f"{int(year)}年{int(month)}月{int(dom)}日"


def join_list(items: Iterable[object]) -> str:
    """A list in a sentence: 甲、乙、丙 in Chinese, "a, b, c" in English."""
    return t("list.join").join(str(item) for item in items)


def join_items(items: Iterable[object]) -> str:
    """Longer entries in a sentence: 甲（…）；乙 in Chinese, "a (…); b" in English."""
    return t("list.join_items").join(str(item) for item in items)


def more(text: str, shown: int, total: int) -> str:
    """``text`` naming ``shown`` of ``total`` things, marked as a sample when some are left
    out: 甲、乙等 in Chinese, "a, b and 10 more" in English."""
    return t("list.more", text=text, rest=total - shown) if total > shown else text


def join_some(items: Iterable[object], limit: int = 5, *, long: bool = False) -> str:
    """The first ``limit`` of ``items`` in a sentence (:func:`join_items` when ``long``), with
    the sample marked (:func:`more`) when there are more."""
    listed = [str(item) for item in items]
    shown = listed[:limit]
    text = join_items(shown) if long else join_list(shown)
    return more(text, len(shown), len(listed))


def aside(text: str, note: str) -> str:
    """``text`` with a note in brackets: 王五（姓名） in Chinese, "王五 (name)" in English."""
    return t("list.aside", text=text, note=note) if note else text


# The catalogue prefix of a stored entity's own field labels, where a column's meaning differs
# from the shared ``field.*`` label (a team's leader_id is its 负责人, not an activity's).
ENTITY_FIELDS = {
    "volunteers": "volunteer_field",
    "teams": "team_field",
    "recipients": "recipient_field",
    "activities": "activity_field",
}


def field_label(entity: str, key: str) -> str | None:
    """The label of ``key``, a stored field of ``entity`` (a table name), or None if none."""
    known = catalogue()
    prefix = ENTITY_FIELDS.get(entity)
    for candidate in (f"{prefix}.{key}" if prefix else "", f"field.{key}", f"audit.key.{key}"):
        if candidate in known:
            return t(candidate)
    return None


def field_labels(entity: str, keys: Iterable[str]) -> str:
    """Changed fields in a message: their labels, joined for the language."""
    return join_list(field_label(entity, key) or key for key in keys)
