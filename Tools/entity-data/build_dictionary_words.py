#!/usr/bin/env python3
"""Rebuilds Sources/Telusur/Resources/dictionary-words.json: the words of the Indonesian
Hunspell dictionary (Debian `hunspell-id`, /usr/share/hunspell/id_ID.dic, from the
LibreOffice dictionaries, Copyright (C) 2017 Ali Ahmadi, LGPL-3; this derived list is
under the same licence).

The person recognizer uses it against one weak rule only (issue 13): a single
capitalised word that opens its clause before a verb ("Jero ingin …") is a person
unless it is a dictionary word ("Gerilyawan membunuh …", "Besoknya akan …"). Given
names are weighed before that rule, so a name that is also a word ("Budi") still counts.

    apt-get install hunspell-id
    python3 Tools/entity-data/build_dictionary_words.py [--dic /usr/share/hunspell/id_ID.dic]
"""
import argparse
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Sources", "Telusur", "Resources", "dictionary-words.json")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dic", default="/usr/share/hunspell/id_ID.dic")
    options = parser.parse_args()
    words = set()
    with open(options.dic, encoding="utf-8", errors="replace") as handle:
        next(handle)  # the entry count
        for line in handle:
            word = line.strip().split("/")[0]
            # Lower-case entries only: a capitalised entry is a proper name.
            if len(word) >= 3 and word.isalpha() and word == word.lower():
                words.add(word)
    document = {
        "sources": [
            "Debian hunspell-id, /usr/share/hunspell/id_ID.dic (LibreOffice dictionaries, dictionaries/id: "
            "Copyright (C) 2017 Ali Ahmadi, LGPL-3); lower-case entries of three or more letters, flags dropped; "
            "rebuilt by Tools/entity-data/build_dictionary_words.py"
        ],
        "words": sorted(words),
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=0)
        handle.write("\n")
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main()
