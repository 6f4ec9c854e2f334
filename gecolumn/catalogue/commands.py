"""Messages of the commands themselves: their options, their outputs, the unexpected."""

from gecolumn.catalogue.entry import Choice, Message

_NEW_OPTION = {  # why a value of ``gecolumn new`` cannot be used: (reason, fix), each (vi, en)
    "no_folder": (
        ("chưa có tên thư mục", "no folder name"),
        ("ghi tên thư mục mới, ví dụ thcs-bao-khe", "name a new folder, e.g. thcs-bao-khe"),
    ),
    "symlink": (
        ("đây là một liên kết (symlink), không phải thư mục", "this is a symbolic link, not a folder"),
        ("chọn tên thư mục khác", "choose another folder name"),
    ),
    "file": (
        ("đây là một tệp, không phải thư mục", "this is a file, not a folder"),
        ("chọn tên thư mục khác", "choose another folder name"),
    ),
    "folder_unusable": (("{problem}", "{problem}"), ("chọn một thư mục khác", "choose another folder")),
    "name": (
        ("cần một dòng chữ, không quá {limit} ký tự", "one line of text of at most {limit} characters is needed"),
        ('một dòng chữ trong dấu nháy, ví dụ "Trường THCS Bảo Khê"', 'one quoted line, e.g. "Bao Khe Lower Secondary School"'),
    ),
    "unit_id": (
        (
            "mã đơn vị chỉ gồm chữ thường không dấu, số và '-', tối đa {limit} ký tự",
            "a unit id is lower-case ASCII letters, digits and '-', {limit} characters at most",
        ),
        ("dùng {suggestion}", "use {suggestion}"),
    ),
    "url": (
        ("không phải địa chỉ thư mục http(s)://…/ của chuyên mục", "not the http(s)://…/ address of the column's folder"),
        (
            "chép địa chỉ từ trình duyệt, bỏ phần sau ? hay #, ví dụ https://thcs-baokhe.edu.vn/bdg/",
            "copy the address from the browser, without what follows ? or #, e.g. https://thcs-baokhe.edu.vn/bdg/",
        ),
    ),
    "index": (
        ("không phải địa chỉ http(s)://…/simple/ của kho gói", "not the http(s)://…/simple/ address of a package index"),
        (
            "dùng địa chỉ kho gói phòng/sở đưa, ví dụ https://pgd.example.edu.vn/goi/simple/",
            "use the address the district gives, e.g. https://pgd.example.edu.vn/goi/simple/",
        ),
    ),
    "start_unreadable": (("không đọc được quý", "not a quarter"), ("viết như 2025-Q1", "write it as 2025-Q1")),
    "start_range": (
        ("cần một quý từ {first_year} đến quý này ({now})", "a quarter from {first_year} to this one ({now}) is needed"),
        ("dùng {now} hoặc một quý đã qua", "use {now} or an earlier quarter"),
    ),
    "requirement": (
        ("không phải một dòng cài gói gecolumn", "not a line that installs the gecolumn package"),
        (
            'ví dụ "gecolumn=={version}" hoặc "gecolumn @ git+https://…/gecolumn.git@v{version}"',
            'e.g. "gecolumn=={version}" or "gecolumn @ git+https://…/gecolumn.git@v{version}"',
        ),
    ),
    "same_unit": (
        ("trùng mã đơn vị với --unit", "the same unit id as --unit"),
        ("đổi mã của trường này trong danh sách, hoặc đổi --unit", "change this school's id or --unit"),
    ),
}

MESSAGES = (
    # --- the commands
    Message(
        "bad_today",
        when="``--today`` is not a date.",
        vi="--today '{value}' phải có dạng YYYY-MM-DD (năm-tháng-ngày). Cách sửa: viết như '--today 2024-11-22'.",
        en="--today '{value}' must read YYYY-MM-DD. Fix: write it as '--today 2024-11-22'.",
    ),
    Message(
        "bad_source_date_epoch",
        when="``SOURCE_DATE_EPOCH`` is not a moment.",
        vi=(
            "biến môi trường SOURCE_DATE_EPOCH = '{value}' không phải một thời điểm: cần số giây (số nguyên, không âm) "
            "tính từ 01/01/1970 UTC. Cách sửa: bỏ biến này để dùng ngày hôm nay, hoặc đặt bằng thời điểm của commit "
            "cuối: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)."
        ),
        en=(
            "the environment variable SOURCE_DATE_EPOCH = '{value}' is not a moment: it must be whole, non-negative "
            "seconds since 1970-01-01 UTC. Fix: unset it to use today, or set it to the last commit's time: "
            "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)."
        ),
    ),
    Message(
        "output_unwritable",
        when="A command cannot write its output where it was asked to.",
        vi="không ghi được vào đây ({problem}). Cách sửa: chọn một thư mục đã có và được phép ghi, ví dụ '{example}'.",
        en="cannot write here ({problem}). Fix: choose a folder that exists and can be written, e.g. '{example}'.",
    ),
    Message(
        "docx_template_unusable",
        when="``report --docx``, ``district --docx``: the ``--template`` file is missing, not a Word document, or its tags do not render.",
        vi=(
            "không dùng được tệp mẫu Word này ({problem}). Cách sửa: mở tệp bằng Word và lưu dạng .docx; sửa thẻ "
            "nêu trong lỗi (chỉ dùng các tên có trong mẫu gốc gecolumn/templates/bao-cao.docx); hoặc bỏ --template "
            "để dùng mẫu gốc."
        ),
        en=(
            "this Word template cannot be used ({problem}). Fix: open it in Word and save it as .docx; correct the tag "
            "the error names (use only the names of the original template, gecolumn/templates/bao-cao.docx); or leave "
            "out --template to use the original."
        ),
    ),
    Message(
        "bad_period",
        when="``report``: ``--to`` is a quarter before ``--from``.",
        vi="--to {last} đứng trước --from {first}. Cách sửa: đổi chỗ hai quý, ví dụ '--from {last} --to {first}'.",
        en="--to {last} comes before --from {first}. Fix: swap them, e.g. '--from {last} --to {first}'.",
    ),
    Message(
        "package_build_failed",
        when="``package``: the ``--strict`` build failed, so no zip was written.",
        vi=(
            "bản dựng --strict không thành công (xem các cảnh báo ở trên); chưa tạo tệp zip. "
            "Cách sửa: sửa các bài bị lỗi hoặc đăng bài cho quý còn thiếu, rồi chạy lại."
        ),
        en=(
            "the --strict build failed (see the warnings above); no zip was written. "
            "Fix: correct the invalid posts or publish posts for the missing quarters, and run again."
        ),
    ),
    Message(
        "new_post_no_title",
        when="``new-post`` has no title: none given, none in the Word document, none asked.",
        vi='cần tiêu đề bài viết. Cách sửa: thêm --title "Tiêu đề".',
        en='a title is needed. Fix: add --title "Title".',
    ),
    Message(
        "new_post_exists",
        when="``new-post`` would write over a file that is there (the post, or one of its photos).",
        vi="đã có tệp {file}; không ghi đè. Cách sửa: đổi tiêu đề hoặc sửa trực tiếp tệp đó.",
        en="{file} already exists and is not overwritten. Fix: change the title or edit that file.",
    ),
    Message(
        "unknown_command",
        when="``python -m gecolumn`` is given a command it does not have.",
        vi="không có lệnh '{value}'. Cách sửa: dùng một trong các lệnh: {known}.",
        en="there is no command '{value}'. Fix: use one of: {known}.",
    ),
    Message(
        "new_folder_not_empty",
        when="``gecolumn new`` was given a folder that already holds files.",
        vi=(
            "thư mục {folder} đã có tệp; gecolumn new không ghi đè lên tệp nào. Cách sửa: chọn một thư mục mới (chưa "
            "có) hoặc thư mục trống."
        ),
        en=(
            "the folder {folder} already holds files; gecolumn new overwrites nothing. Fix: choose a new (not yet "
            "existing) or empty folder."
        ),
    ),
    Message(
        "new_missing_option",
        when="``gecolumn new`` without a terminal to ask in, and an option left out.",
        vi=(
            "thiếu {field} (ví dụ: {field} {example}). Cách sửa: thêm {field} vào lệnh, hoặc chạy lệnh trong cửa sổ "
            "dòng lệnh để được hỏi từng mục."
        ),
        en=(
            "{field} is missing (e.g. {field} {example}). Fix: add {field} to the command, or run it in a terminal to "
            "be asked for each setting."
        ),
        choices={"example": Choice("example", {"school": ('"Trường THCS Bảo Khê"', '"Bao Khe Lower Secondary School"')})},
    ),
    Message(
        "new_bad_option",
        when="A value given to ``gecolumn new`` that a column cannot use.",
        vi="{field} '{value}' không dùng được: {reason}. Cách sửa: {fix}",
        en="{field} '{value}' cannot be used: {reason}. Fix: {fix}",
        choices={
            "reason": Choice("reason", {key: reason for key, (reason, _) in _NEW_OPTION.items()}),
            "fix": Choice("reason", {key: fix for key, (_, fix) in _NEW_OPTION.items()}),
        },
    ),
    Message(
        "index_unusable",
        when="``gecolumn new --index`` or ``gecolumn upgrade`` cannot read a release from the district's package index.",
        vi="Kho gói {url}: {reason}. Cách sửa: {fix}",
        en="Package index {url}: {reason}. Fix: {fix}",
        choices={
            "reason": Choice(
                "reason",
                {
                    "unreachable": ("không tải được ({problem})", "cannot be reached ({problem})"),
                    "status": ("máy chủ trả lời mã {status}", "the server answered {status}"),
                    "too_big": ("trang lớn hơn {limit} byte", "the page is larger than {limit} bytes"),
                    "no_release": ("không có bản gecolumn nào", "holds no gecolumn release"),
                    "no_version": ("không có gecolumn {version} (có: {known})", "has no gecolumn {version} (it has: {known})"),
                },
            ),
            "fix": Choice(
                "reason",
                {
                    "unreachable": ("kiểm tra địa chỉ và mạng rồi chạy lại", "check the address and the network, then run again"),
                    "status": (
                        "kiểm tra địa chỉ kho gói (thường kết thúc bằng /simple/)",
                        "check the index's address (it usually ends in /simple/)",
                    ),
                    "too_big": ("kiểm tra địa chỉ kho gói", "check the index's address"),
                    "no_release": (
                        "nhờ phòng/sở đăng gecolumn lên kho gói (scripts/release.py)",
                        "ask the district to publish gecolumn there (scripts/release.py)",
                    ),
                    "no_version": ("ghi một phiên bản có trong kho gói", "name a version the index has"),
                },
            ),
        },
    ),
    Message(
        "upgrade_no_requirements",
        when="``gecolumn upgrade`` finds no ``requirements.txt`` in the column's folder.",
        vi="Không thấy {file}. Cách sửa: chạy lệnh trong thư mục chuyên mục (nơi có mkdocs.yml và requirements.txt).",
        en="{file} not found. Fix: run the command in the column's folder (where mkdocs.yml and requirements.txt are).",
    ),
    Message(
        "upgrade_other_version",
        when="``gecolumn upgrade VERSION`` names another version than the installed one, and ``requirements.txt`` names no package index.",
        vi=(
            "requirements.txt không ghi kho gói nên chỉ viết lại được cho bản đang cài ({installed}), không cho {version}. "
            "Cách sửa: cài gecolumn {version} rồi chạy lại lệnh không kèm phiên bản, hoặc thêm dòng --extra-index-url của phòng/sở."
        ),
        en=(
            "requirements.txt names no package index, so it can be rewritten for the installed version ({installed}) only, "
            "not {version}. Fix: install gecolumn {version} and run the command without a version, or add the district's "
            "--extra-index-url line."
        ),
    ),
    Message(
        "new_build_failed",
        when="The new column was written but its first build failed.",
        vi=(
            "đã tạo chuyên mục nhưng lần dựng trang đầu tiên không thành công: {problem}. Cách sửa: đọc các dòng "
            "WARNING/ERROR ở trên, sửa rồi chạy lại: python -m properdocs build -f mkdocs.yml --strict"
        ),
        en=(
            "the column was written but its first build failed: {problem}. Fix: read the WARNING/ERROR lines above, fix "
            "them and run again: python -m properdocs build -f mkdocs.yml --strict"
        ),
    ),
    Message(
        "internal_error",
        when="A bug in the program, not a problem in a post.",
        vi=(
            "lỗi ngoài dự kiến của chương trình ({kind}: {detail}); đây không phải lỗi của bài viết. Cách sửa: chạy lại "
            "với biến môi trường GECOLUMN_DEBUG=1 để xem chi tiết, rồi gửi cho người quản trị trang."
        ),
        en=(
            "unexpected error in the program ({kind}: {detail}); this is not a problem in a post. Fix: run again with "
            "GECOLUMN_DEBUG=1 to see the traceback, and send it to the site's maintainer."
        ),
    ),
)
