"""The names of places and their readings: the record a gazetteer gives for each place a name may
denote (``PlaceCandidate``), the gazetteer's interface (``Gazetteer``), and the keys names are
compared by (folded, spelled out, transliterated). Below both the mentions that find names in text
and the gazetteer that stores them: neither needs the other to read a name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol


@dataclass(frozen=True)
class PlaceCandidate:
    name: str
    country: str | None  # ISO3
    kind: str  # city | province | country | ...
    population: int = 0
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # GeoNames class.code, e.g. "P.PPL", "A.ADM1"


class Gazetteer(Protocol):
    """Look up place names: every candidate place, with its country, kind and point."""

    def lookup(self, name: str) -> list[PlaceCandidate]: ...


@lru_cache(maxsize=65536)  # called tens of thousands of times an article on the same few names
def fold_name(name: str) -> str:
    """Accent- and case-insensitive key: 'Al-Qāmishlī' -> 'al qamishli'."""
    norm = unicodedata.normalize("NFKD", name)
    norm = "".join(c for c in norm if not unicodedata.combining(c))
    norm = norm.lower().replace("’", "'").replace("-", " ").replace("'", "")
    return " ".join(norm.split())


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """A name as compared with another, with and without its Arabic article, and with the short
    words of a name written out ("Mt. Kelmar" is "Mount Kelmar"; asked for the same few names over
    and over while an article's places are weighed)."""
    keys = {fold_name(name), fold_name(strip_article(name))}
    return frozenset(keys | {spelled_out(k) for k in keys})


# the short words the press writes in a place's name, written out as GeoNames does ("Mt. Pleasant",
# "Ft. Tarvo", "St. Kelmar", "Sault Ste. Dunval")
_NAME_SHORT_WORDS = {"mt": "mount", "mt.": "mount", "ft": "fort", "ft.": "fort", "st": "saint", "st.": "saint",
                     "ste": "sainte", "ste.": "sainte", "pt.": "point"}  # fmt: skip


def spelled_out(folded: str) -> str:
    """A folded name with its short words written out; a short word that ends the name stays as it
    is ("Main St." is a street, not a saint)."""
    words = folded.split()
    if not any(w in _NAME_SHORT_WORDS for w in words[:-1]):
        return folded
    return " ".join([_NAME_SHORT_WORDS.get(w, w) for w in words[:-1]] + words[-1:])


# how a spelling sounds, roughly: the marks transliteration spells differently ("Urozgan" / Uruzgan,
# "Qalqiliyah" / Qalqilya, "Aljfara" / Al Jafarah, "Garabulli" / Qarabulli, "Wardak" / Vardak)
_SPELLING_LETTERS = str.maketrans({" ": None, "-": None, "'": None, "`": None, "’": None, ".": None,
                                   "q": "k", "g": "k", "c": "k", "v": "w", "y": "i"})  # fmt: skip
_SPELLING_VOWELS = str.maketrans("", "", "aeiou")
_DOUBLED = re.compile(r"(.)\1+")
_SPELLING_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|an|at|az)\s+")
_JOINED_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiouy\s])")


def spelling_key(folded: str) -> str:
    """A folded name's key for spellings that transliterate the same name differently: without its
    vowels (one mark for a leading vowel), doubled letters, a final h, an Arabic article (also written
    joined, "Aljfara"), and with the letters transliterations swap made one (q, g, c -> k; v -> w; y ->
    i; kh, gh, ch, ph, sh -> k, k, k, f, s; ou -> u). "" for a key too short to say anything (under
    three consonants): "Bekaa" and "Baalbek" are not one name."""
    k = _SPELLING_ARTICLE.sub("", folded, count=1)
    if len(k) > 5:
        k = _JOINED_ARTICLE.sub("", k, count=1)
    k = k.translate(_SPELLING_LETTERS).replace("kh", "k").replace("ph", "f").replace("sh", "s").replace("ou", "u")
    lead = "_" if k[:1] in ("a", "e", "i", "o", "u") else ""
    k = _DOUBLED.sub(r"\1", k.translate(_SPELLING_VOWELS))
    if k.endswith("h"):
        k = k[:-1]
    return lead + k if len(k) >= 3 else ""


_ARTICLE = r"(?:al|el|as|ash|ad|ar|an|at|az)"

# the words Arabic place names are built of, as each transliteration writes them: news writes "Tel",
# "Kfar", "Ein", "Deir" where GeoNames may write "Tall", "Kafr", "Ayn", "Dayr", and the other way round
_GENERIC_SPELLINGS = {w: group for group in (
    ("tall", "tal", "tel", "tell"), ("ayn", "ain", "ein"), ("kafr", "kfar", "kafar"), ("bayt", "beit", "beyt", "bait"),
    ("dayr", "deir", "dair"), ("jabal", "jebel", "jabel", "djebel", "jbel"), ("shaykh", "sheikh", "sheik", "shaikh"),
    ("umm", "um", "oum"), ("abu", "abou"), ("wadi", "oued", "ouadi"), ("khirbat", "khirbet", "khirbit"),
    ("qasr", "ksar", "kasr"), ("suq", "souq", "souk")) for w in group}  # fmt: skip
# the words Arabic place names open with, in every spelling above and beside them (son(s), well, cape,
# gate, saint, father): alone they name no place a name the gazetteer lacks is in ("Abu Salim" is in no
# town called Abu)
ARABIC_NAME_WORDS = frozenset(_GENERIC_SPELLINGS) | frozenset("bu ibn ben bani beni bir ras bab sidi".split())
_INNER_ARTICLES = frozenset("al el ul as es ash esh ad ed ar er an en at et az ez".split())
_SUN_ONSETS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")
_MOST_TRANSLITERATIONS = 48


def transliterations(folded: str) -> list[str]:
    """Other spellings of a folded Arabic place name: its generic words ("tel", "kfar", "ain") and its
    inner article ("el", "ash") as other transliterations write them ("tel abyad" -> "tall abyad",
    "ein el hilweh" -> "ayn al hilweh"); [] for a name with neither."""
    words = folded.split()
    options = []
    for i, w in enumerate(words):
        if w in _GENERIC_SPELLINGS:
            options.append(_GENERIC_SPELLINGS[w])
        elif w in _INNER_ARTICLES and 0 < i < len(words) - 1:
            onset = next((o for o in _SUN_ONSETS if words[i + 1].startswith(o)), "")
            options.append(tuple(dict.fromkeys((w, "al", "el", *((f"a{onset}", f"e{onset}") if onset else ())))))
        else:
            options.append((w,))
    if all(len(o) == 1 for o in options):
        return []
    spellings = [""]
    for o in options:
        spellings = [f"{s} {w}".strip() for s in spellings for w in o][:_MOST_TRANSLITERATIONS]
    return [s for s in spellings if s != folded]


def strip_article(name: str) -> str:
    """Drop the Arabic article: 'al-Hasakah' -> 'Hasakah'."""
    return re.sub(rf"^{_ARTICLE}[-\s]+", "", name.strip(), flags=re.I)


def is_article(word: str) -> bool:
    """Is ``word`` the Arabic article alone ("Al", "el")?"""
    return re.fullmatch(_ARTICLE, word.strip(), flags=re.I) is not None
