"""Build the column with --strict and pack it as one zip for a portal that takes uploaded files.

    python scripts/package_site.py [-f mkdocs.yml] [--output dist]

Writes dist/<school>-<YYYY-MM-DD>.zip (the site's files at the zip's root, ready to unpack
into the portal's sub-folder) and dist/<same>.zip.sha256 (`sha256sum -c` format). Exit 1
when the strict build fails: a missing quarter or an invalid post is fixed before publishing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.config import load_config

from gecolumn.dates import resolve_today
from gecolumn.slugs import slug_of


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(
        prog="package_site", description="Đóng gói trang để tải lên cổng thông tin (package the site)."
    )
    parser.add_argument("-f", "--config", default="mkdocs.yml")
    parser.add_argument("--output", default="dist", help="thư mục chứa tệp zip (default: dist)")
    args = parser.parse_args(argv)
    config_path = Path(args.config).resolve()
    config = load_config(str(config_path))
    units = config["extra"].get("column", {}).get("units") or {}
    school = next(iter(units)) if len(units) == 1 else slug_of(config["site_name"]) or "chuyen-muc"
    today = resolve_today()

    with tempfile.TemporaryDirectory(prefix="gecolumn-site-") as site_dir:
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_path), "-d", site_dir],
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if build.returncode != 0:
            print(
                "Lỗi: bản dựng --strict không thành công (xem các cảnh báo ở trên); chưa tạo tệp zip. "
                "Cách sửa: sửa các bài bị lỗi hoặc đăng bài cho quý còn thiếu, rồi chạy lại.",
                file=sys.stderr,
            )
            return 1
        output = Path(args.output)
        output.mkdir(parents=True, exist_ok=True)
        archive = output / f"{school}-{today.isoformat()}.zip"
        _zip(Path(site_dir), archive, today)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="ascii")
    print(archive.as_posix())
    print(checksum.as_posix())
    return 0


def _zip(site_dir: Path, archive: Path, day) -> None:
    """Every file of the site, in a stable order with the build day as every file's time."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())


if __name__ == "__main__":
    sys.exit(main())
