"""Message texts in Vietnamese (for staff) and English (for maintainers), by problem code.

Every message says what is wrong and how to fix it; the file, line and field are shown
beside it by :func:`render_located`. The language is ``vi`` unless ``--lang en`` or an
English ``LANG`` asks otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from gecolumn.problems import Problem

LANGUAGES = ("vi", "en")

MESSAGES: Mapping[str, Mapping[str, str]] = {
    "not_utf8": {
        "vi": "tệp không được lưu bằng mã UTF-8 (byte lạ ở vị trí {position}). "
        "Cách sửa: mở tệp, chọn Lưu thành… và chọn mã hoá UTF-8.",
        "en": "the file is not UTF-8 (bad byte at offset {position}). Fix: save it again with UTF-8 encoding.",
    },
    "no_front_matter": {
        "vi": "bài không có phần thông tin đầu bài. Cách sửa: dòng đầu tiên của tệp phải là "
        "'---', tiếp theo là các trường title, date, quarter, unit, rồi một dòng '---'.",
        "en": "the post has no front-matter. Fix: start the file with a '---' line, then the "
        "fields title, date, quarter, unit, then another '---' line.",
    },
    "unclosed_front_matter": {
        "vi": "phần thông tin đầu bài mở bằng '---' nhưng không có dòng '---' đóng lại. "
        "Cách sửa: thêm một dòng chỉ có '---' sau trường cuối cùng.",
        "en": "the front-matter opens with '---' but is never closed. Fix: add a line with only '---' after the last field.",
    },
    "yaml_syntax": {
        "vi": "lỗi cú pháp ở phần thông tin đầu bài: {problem}. Cách sửa: mỗi dòng có dạng "
        "'tên: giá trị'; nếu giá trị có dấu hai chấm (:) hoặc bắt đầu bằng dấu ngoặc, "
        'hãy đặt nó trong ngoặc kép "...".',
        "en": "syntax error in the front-matter: {problem}. Fix: every line reads "
        "'name: value'; quote a value that contains a colon or starts with a bracket.",
    },
    "front_matter_not_mapping": {
        "vi": "phần thông tin đầu bài phải là các dòng 'tên: giá trị'. Cách sửa: xem bài mẫu trong thư mục posts/.",
        "en": "the front-matter must be 'name: value' lines. Fix: copy a sample post's header.",
    },
    "missing_field": {
        "vi": "thiếu trường bắt buộc '{field}'. Cách sửa: thêm dòng '{field}: {example}' vào phần thông tin đầu bài.",
        "en": "required field '{field}' is missing. Fix: add '{field}: {example}' to the front-matter.",
    },
    "empty_field": {
        "vi": "trường '{field}' đang để trống. Cách sửa: điền giá trị, ví dụ '{field}: {example}'.",
        "en": "field '{field}' is empty. Fix: give it a value, e.g. '{field}: {example}'.",
    },
    "not_text": {
        "vi": "trường '{field}' phải là một dòng chữ. Cách sửa: viết giá trị trên cùng dòng, "
        "đặt trong ngoặc kép nếu cần, ví dụ '{field}: \"{example}\"'.",
        "en": "field '{field}' must be a single text value. Fix: write it on one line, "
        "quoted if needed: '{field}: \"{example}\"'.",
    },
    "not_tag_list": {
        "vi": "trường 'tags' phải là danh sách chữ. Cách sửa: viết 'tags: [Luật Bình đẳng giới, "
        "Gia đình]' hoặc mỗi thẻ một dòng bắt đầu bằng '- '.",
        "en": "field 'tags' must be a list of text. Fix: 'tags: [Law, Family]' or one '- tag' line each.",
    },
    "not_boolean": {
        "vi": "trường '{field}' chỉ nhận true hoặc false, không nhận '{value}'. "
        "Cách sửa: viết '{field}: true' (chưa đăng) hoặc xoá dòng này.",
        "en": "field '{field}' takes true or false, not '{value}'. "
        "Fix: write '{field}: true' (not published) or remove the line.",
    },
    "bad_date": {
        "vi": "ngày '{value}' không đọc được. Cách sửa: viết ngày/tháng/năm như '08/03/2024' "
        "(có thể thêm giờ: '08/03/2024 07:30') hoặc '2024-03-08'.",
        "en": "date '{value}' cannot be read. Fix: write day/month/year as '08/03/2024' "
        "(optionally '08/03/2024 07:30') or '2024-03-08'.",
    },
    "bad_quarter": {
        "vi": "quý '{value}' không đọc được. Cách sửa: viết như '{example}' hoặc 'Quý {roman}/{year}'.",
        "en": "quarter '{value}' cannot be read. Fix: write it as '{example}' or 'Q{number}/{year}'.",
    },
    "quarter_mismatch": {
        "vi": "quý '{value}' ({quarter}) không khớp với ngày đăng {date}, vốn thuộc {date_quarter} ({date_quarter_id}). "
        "Cách sửa: sửa thành 'quarter: {date_quarter_id}' hoặc sửa lại ngày đăng.",
        "en": "quarter '{value}' ({quarter}) does not match the date {date}, which is in "
        "{date_quarter_id}. Fix: write 'quarter: {date_quarter_id}' or correct the date.",
    },
    "unknown_unit": {
        "vi": "đơn vị '{value}' không có trong cấu hình (mkdocs.yml). Các đơn vị hợp lệ: {known}.{closest_text}",
        "en": "unit '{value}' is not configured in mkdocs.yml. Known units: {known}.{closest_text}",
    },
    "unit_required": {
        "vi": "thiếu trường 'unit' (trang có nhiều đơn vị). Cách sửa: thêm 'unit: <mã đơn vị>', một trong: {known}.",
        "en": "field 'unit' is missing (the site has several units). Fix: add 'unit: <id>', one of: {known}.",
    },
    "bad_slug": {
        "vi": "slug '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang. "
        "Cách sửa: viết 'slug: {suggestion}' hoặc xoá dòng này để tạo tự động từ tiêu đề.",
        "en": "slug '{value}' may hold only a-z, 0-9 and '-'. Fix: write 'slug: {suggestion}' "
        "or remove it to derive one from the title.",
    },
    "duplicate_slug": {
        "vi": "bài này có cùng địa chỉ '{slug}' với bài {other} (đăng trước). Cách sửa: đổi "
        "tiêu đề hoặc thêm 'slug: {slug}-2' vào bài này.",
        "en": "this post would get the same address '{slug}' as {other} (published earlier). "
        "Fix: change the title or add 'slug: {slug}-2' to this post.",
    },
    "unknown_field": {
        "vi": "trường '{field}' không được dùng và sẽ bị bỏ qua.{suggestion_text}",
        "en": "field '{field}' is not used and will be ignored.{suggestion_text}",
    },
    "config_missing": {
        "vi": "thiếu mục '{field}' trong cấu hình. Cách sửa: thêm vào mkdocs.yml, dưới 'extra: column:', ví dụ '{example}'.",
        "en": "'{field}' is missing from the configuration. Fix: add it to mkdocs.yml under 'extra: column:', e.g. '{example}'.",
    },
    "config_bad_quarter": {
        "vi": "'{field}' = '{value}' không phải một quý. Cách sửa: viết như '2024-Q1'.",
        "en": "'{field}' = '{value}' is not a quarter. Fix: write it as '2024-Q1'.",
    },
    "config_bad_value": {
        "vi": "'{field}' = '{value}' không hợp lệ: cần {expected}.",
        "en": "'{field}' = '{value}' is not valid: expected {expected}.",
    },
    "config_bad_unit_id": {
        "vi": "mã đơn vị '{value}' chỉ được gồm chữ thường không dấu, số và '-'. Cách sửa: đổi thành '{suggestion}'.",
        "en": "unit id '{value}' may hold only a-z, 0-9 and '-'. Fix: use '{suggestion}'.",
    },
    "config_unknown_key": {
        "vi": "mục '{field}' không được dùng và sẽ bị bỏ qua.{suggestion_text}",
        "en": "'{field}' is not a known setting and will be ignored.{suggestion_text}",
    },
    "config_unreadable": {
        "vi": "không đọc được tệp cấu hình: {problem}",
        "en": "cannot read the configuration: {problem}",
    },
    "no_site_url": {
        "vi": "chưa khai báo địa chỉ trang nên không tạo được RSS. Cách sửa: thêm vào mkdocs.yml "
        "dòng 'site_url: https://truong.edu.vn/binh-dang-gioi/' (địa chỉ thật của chuyên mục).",
        "en": "site_url is not set, so no feeds are written. Fix: add 'site_url: https://…/' "
        "(the column's real address) to mkdocs.yml.",
    },
    "missing_quarter": {
        "vi": "{quarter}{of_unit_text} chưa có bài tuyên truyền nào. Cách sửa: đăng ít nhất một bài "
        "có 'quarter: {quarter_id}'{unit_hint}.",
        "en": "{quarter_id}{of_unit_text} has no awareness post. Fix: publish at least one post "
        "with 'quarter: {quarter_id}'{unit_hint}.",
    },
}

# Words of the reports around the messages: table heads, statuses, closing advice.
LABELS: Mapping[str, Mapping[str, str]] = {
    "report_title": {
        "vi": "Kiểm tra chuyên mục tuyên truyền bình đẳng giới, ngày {today}",
        "en": "Gender-equality column check, on {today}",
    },
    "quarter": {"vi": "Quý", "en": "Quarter"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "posts": {"vi": "Số bài", "en": "Posts"},
    "status": {"vi": "Tình trạng", "en": "Status"},
    "whole_column": {"vi": "(cả chuyên mục)", "en": "(whole column)"},
    "status_ok": {"vi": "đã có bài", "en": "covered"},
    "status_missing": {"vi": "THIẾU BÀI", "en": "MISSING"},
    "status_in_progress": {"vi": "đang diễn ra, còn {days} ngày", "en": "in progress, {days} days left"},
    "no_due_quarter": {"vi": "Chưa có quý nào phải đăng bài.", "en": "No quarter is due yet."},
    "errors": {"vi": "Lỗi ({count})", "en": "Errors ({count})"},
    "warnings": {"vi": "Cảnh báo ({count})", "en": "Warnings ({count})"},
    "advice_invalid": {
        "vi": "=> Có {count} lỗi: sửa các tệp nêu trên rồi chạy lại. Bài bị lỗi không được đăng và không được tính.",
        "en": "=> {count} error(s): fix the files above and run again. Invalid posts are neither published nor counted.",
    },
    "advice_missing": {
        "vi": "=> Còn thiếu bài ở {count} quý: {quarters}. Hãy đăng bài bổ sung cho các quý này.",
        "en": "=> {count} quarter(s) have no post: {quarters}. Publish posts for them.",
    },
    "advice_ok": {
        "vi": "=> Mọi quý đến hạn đều đã có bài. Tốt lắm!",
        "en": "=> Every due quarter has a post.",
    },
    "missing_title": {"vi": "Thiếu bài {quarter}", "en": "No post in {quarter}"},
}

# Small pieces that read differently in each language; filled in by render().
_EXTRAS = {
    "closest": (" Có phải ý bạn là '{0}'?", " Did you mean '{0}'?"),
    "suggestion": (" Có phải ý bạn là '{0}'?", " Did you mean '{0}'?"),
    "of_unit": (" của {0}", " of {0}"),
}


def pick_language(requested: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``requested`` if given, else English when ``LANG``/``LC_ALL`` is English, else Vietnamese."""
    if requested:
        return requested
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def render(code: str, params: Mapping, lang: str = "vi") -> str:
    """The message for ``code`` in ``lang``, filled with ``params``."""
    values = dict(params)
    vi = lang != "en"
    for name, (text_vi, text_en) in _EXTRAS.items():
        raw = values.get(name)
        values[f"{name}_text"] = (text_vi if vi else text_en).format(raw) if raw else ""
    return MESSAGES[code]["vi" if vi else "en"].format_map(_Defaulting(values))


def label(name: str, lang: str = "vi", **params: object) -> str:
    """A report word or sentence from :data:`LABELS` in ``lang``."""
    return LABELS[name]["en" if lang == "en" else "vi"].format(**params)


def render_problem(problem: Problem, lang: str = "vi") -> str:
    """The message of ``problem`` in ``lang``, without its location."""
    return render(problem.code, {"field": problem.field, **problem.params}, lang)


def render_located(problem: Problem, lang: str = "vi") -> str:
    """``file:line: [field] message``, as compilers and editors show it."""
    where = problem.file + (f":{problem.line}" if problem.line else "")
    label = {"vi": ("LỖI", "CẢNH BÁO"), "en": ("ERROR", "WARNING")}["en" if lang == "en" else "vi"]
    kind = label[0] if problem.is_error else label[1]
    field = f" [{problem.field}]" if problem.field else ""
    return f"{where}: {kind}{field}: {render_problem(problem, lang)}"


class _Defaulting(dict):
    """Leaves an unknown ``{name}`` visible rather than crashing on a missing parameter."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
