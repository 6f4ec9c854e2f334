"""Write tests/fixtures/collation-vi.json: real Vietnamese names, tags and words in ICU's ``vi`` order.

    python scripts/collation_fixture.py    (needs PyICU: pip install pyicu-wheels)

The words are the demo column's (titles, tags, units and the words of its posts and pages)
and a few sets that differ only by tone, case or punctuation; they are stored shuffled, with
the order ICU gives them. ``tests/test_collation.py`` sorts them with
:func:`gecolumn.collation.vietnamese_key` and compares.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import icu

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "fixtures" / "collation-vi.json"
WORD_SAMPLE = 250
TRICKY = [
    *"ma mà mả mã má mạ Ma MA mA Mạ".split(),
    *"a A ă Ă â Â ặ Ặ ẩ ẫ e ê ệ Ể o ô ơ ợ Ợ ộ u ư ự Ữ d đ Đ D i y ỳ ỷ".split(),
    "Quý I/2024",
    "Quý 1 năm 2024",
    "Q1/2024",
    "8/3",
    "28/6",
    "20/3",
    "15/11–15/12",
    "10",
    "2",
    "1",
    "Đoàn – Đội",
    "Đoàn - Đội",
    "Đoàn Đội",
    "Đoàn–Đội",
    "Công đoàn",
    "Công Đoàn",
    "CÔNG ĐOÀN",
    "Ban Vì sự tiến bộ phụ nữ",
    "Phòng GD&ĐT Châu Thành",
    "Sở GD&ĐT",
    "Trường MN Hoa Sen",
    "Trường TH Bảo Khê",
    "Trường THCS Bảo Khê",
    "Trường THCS Bảo Khê (cũ)",
    "“Giỏi việc trường – Đảm việc nhà”",
    "‘Ngôi nhà bình đẳng’",
    "Giỏi việc trường, đảm việc nhà",
    "Bình đẳng giới",
    "Bình đẳng",
    "Bình\xa0đẳng giới",
    "bình đẳng giới",
    "Bình Đẳng Giới",
    "Zalo",
    "Facebook",
    "WordPress",
    "Luật Bình đẳng giới 2006",
    "Luật số 73/2006/QH11",
]


def words() -> list[str]:
    sources = [
        path.relative_to(ROOT).as_posix() for folder in ("posts", "docs") for path in sorted((ROOT / folder).rglob("*.md"))
    ]
    sources.append("mkdocs.yml")
    texts = [(ROOT / source).read_text(encoding="utf-8") for source in sources]
    phrases = set(TRICKY)
    for text in texts:
        phrases.update(m.strip() for m in re.findall(r"^(?:title|name|school):\s*(.+)$", text, re.MULTILINE))
        for tags in re.findall(r"^tags:\s*\[(.*)\]$", text, re.MULTILINE):
            phrases.update(tag.strip() for tag in tags.split(","))
    # The words of the posts (Vietnamese prose; the pages also hold English and code).
    posts = [text for path, text in zip(sources, texts, strict=True) if path.startswith("posts")]
    vocabulary = sorted({w for text in posts for w in re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", text))})
    chosen = random.Random(19).sample(vocabulary, min(WORD_SAMPLE, len(vocabulary)))
    return sorted({unicodedata.normalize("NFC", p) for p in phrases | set(chosen) if p and len(p) < 120})


def main() -> None:
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    found = words()
    # Texts ICU cannot tell apart have no order to check: one of each.
    distinct = {collator.getSortKey(text): text for text in found}
    shuffled = list(distinct.values())
    random.Random(2026).shuffle(shuffled)
    document = {
        "icu": icu.ICU_VERSION,
        "unicode": icu.UNICODE_VERSION,
        "locale": "vi",
        "shuffled": shuffled,
        "sorted": sorted(shuffled, key=collator.getSortKey),
    }
    TARGET.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(shuffled)} texts, ICU {icu.ICU_VERSION}")


if __name__ == "__main__":
    main()
