"""Messages about the column's settings (``extra.column`` in ``mkdocs.yml``) and its installation."""

from gecolumn.catalogue.entry import Choice, Message

MESSAGES = (
    # --- settings
    Message(
        "config_missing",
        when="A required setting under ``extra.column`` is missing.",
        vi="thiếu mục '{field}' trong cấu hình. Cách sửa: thêm vào mkdocs.yml, dưới 'extra: column:', ví dụ '{example}'.",
        en="'{field}' is missing from the configuration. Fix: add it to mkdocs.yml under 'extra: column:', e.g. '{example}'.",
    ),
    Message(
        "config_bad_quarter",
        when="A setting that must be a quarter is not one.",
        vi="'{field}' = '{value}' không phải một quý. Cách sửa: viết như '2024-Q1'.",
        en="'{field}' = '{value}' is not a quarter. Fix: write it as '2024-Q1'.",
    ),
    Message(
        "config_bad_value",
        when="A setting has a value of the wrong kind.",
        vi="'{field}' = '{value}' không hợp lệ: cần {expected}.",
        en="'{field}' = '{value}' is not valid: expected {expected}.",
    ),
    Message(
        "config_bad_unit_id",
        when="A unit id holds characters a URL name may not.",
        vi=(
            "mã đơn vị '{value}' chỉ được gồm chữ thường không dấu, số và '-', tối đa 60 ký tự. Cách sửa: đổi thành "
            "'{suggestion}'."
        ),
        en="unit id '{value}' may hold only a-z, 0-9 and '-', 60 characters at most. Fix: use '{suggestion}'.",
    ),
    Message(
        "config_unknown_key",
        when="A setting the column does not use.",
        vi="mục '{field}' không được dùng và sẽ bị bỏ qua.{suggestion_text}",
        en="'{field}' is not a known setting and will be ignored.{suggestion_text}",
    ),
    Message(
        "settings_too_new",
        when="``extra.column.version`` is a settings format newer than the installed generator reads.",
        vi=(
            "cài đặt ghi version: {version}, nhưng gecolumn {package} đang cài chỉ đọc được tới phiên bản {supported}. "
            "Cách sửa: nâng cấp gecolumn (đổi số phiên bản trong requirements.txt rồi cài lại), hoặc trả dòng version "
            "về {supported} nếu không dùng cài đặt mới."
        ),
        en=(
            "the settings say version: {version}, but the installed gecolumn {package} reads format {supported} at "
            "most. Fix: upgrade gecolumn (change the version in requirements.txt and reinstall), or set version back to "
            "{supported} if no new setting is used."
        ),
    ),
    Message(
        "theme_file_overridden",
        when="A file of the school's ``custom_dir`` replaces one of the generator's templates, so upgrades skip it.",
        vi=(
            "tệp {file} thay mẫu cùng tên của gecolumn, nên bản nâng cấp không đổi được phần này của trang. Cách sửa: "
            "nếu không cố ý sửa mẫu, xoá tệp {file} (thư mục này là bản sao từ bản cũ)."
        ),
        en=(
            "{file} replaces gecolumn's template of the same name, so upgrades do not reach this part of the pages. "
            "Fix: unless the change is deliberate, delete {file} (a copy left from an old version)."
        ),
    ),
    Message(
        "generator_version_differs",
        when="The column's ``requirements.txt`` (or ``requirements-gecolumn.txt``) pins another gecolumn than the one building it.",
        vi=(
            "{file} ghi gecolumn {pinned}, nhưng trang đang được dựng bằng gecolumn {installed}, nên CI sẽ "
            "dựng bằng bản khác với máy này. Cách sửa: nếu đã nâng cấp, đổi dòng đó thành gecolumn=={installed}; nếu "
            "không, cài lại đúng bản đã ghi: python -m pip install -r {file}"
        ),
        en=(
            "{file} pins gecolumn {pinned}, but gecolumn {installed} is building the site, so CI builds with "
            "another version than this computer. Fix: after an upgrade, change that line to gecolumn=={installed}; "
            "otherwise reinstall the pinned one: python -m pip install -r {file}"
        ),
    ),
    Message(
        "old_hook_file",
        when="``hooks/column.py`` is a copy of an old generator, not the few lines that call the installed one.",
        vi=(
            "{file} là bản sao bộ sinh trang cũ, nên khi dựng trang gecolumn đang cài không được dùng. Cách sửa: thay "
            "toàn bộ nội dung tệp bằng một dòng: from gecolumn.mkdocs_hook import *"
        ),
        en=(
            "{file} is a copy of an old generator, so builds do not use the installed gecolumn. Fix: replace the whole "
            "file with one line: from gecolumn.mkdocs_hook import *"
        ),
    ),
    Message(
        "config_unreadable",
        when="``mkdocs.yml`` cannot be read at all.",
        vi=(
            "không đọc được tệp cấu hình: {problem}. Cách sửa: chạy lệnh trong thư mục của chuyên mục (nơi có "
            "mkdocs.yml) hoặc chỉ tệp bằng -f; nếu tệp có lỗi, sửa dòng được nêu."
        ),
        en=(
            "cannot read the configuration: {problem}. Fix: run the command in the column's folder (where mkdocs.yml "
            "is) or name the file with -f; if the file is broken, fix the line named."
        ),
    ),
    Message(
        "config_rejected",
        when="MkDocs itself rejects a setting of ``mkdocs.yml``.",
        vi=(
            "MkDocs không chấp nhận mục này: {problem}. Cách sửa: sửa hoặc xoá mục '{field}' trong mkdocs.yml; giá trị "
            'có dấu hai chấm (:) thì đặt trong ngoặc kép "...".'
        ),
        en=(
            "MkDocs rejects this setting: {problem}. Fix: correct or remove '{field}' in mkdocs.yml; quote a value that "
            'contains a colon: "...".'
        ),
    ),
    Message(
        "config_not_text",
        when="A setting that must be one line of text is a list or a mapping.",
        vi=(
            "'{field}' phải là một dòng chữ, không phải '{value}'. Cách sửa: viết trên một dòng, ví dụ 'name: Trường "
            "THCS Bảo Khê'."
        ),
        en="'{field}' must be one line of text, not '{value}'. Fix: write it on one line, e.g. 'name: Trường THCS Bảo Khê'.",
    ),
    Message(
        "no_site_url",
        when="``site_url`` is not set, so no feeds can be written.",
        vi=(
            "chưa khai báo địa chỉ trang nên không tạo được RSS. Cách sửa: thêm vào mkdocs.yml dòng 'site_url: "
            "https://truong.edu.vn/binh-dang-gioi/' (địa chỉ thật của chuyên mục)."
        ),
        en=(
            "site_url is not set, so no feeds are written. Fix: add 'site_url: https://…/' (the column's real address) "
            "to mkdocs.yml."
        ),
    ),
    Message(
        "start_after_today",
        when="The column's first due quarter has not begun: today is probably wrong.",
        vi=(
            "chuyên mục bắt đầu từ {start} (ngày {start_day}) nhưng hôm nay mới là {today} (theo {where}): chưa quý "
            "nào phải có bài, mọi bài đều bị coi là chưa đến ngày đăng và trang sẽ trống. Cách sửa: nếu ngày {today} "
            "sai, sửa {where}; nếu đúng, ghi 'start: {current}' hoặc một quý đã bắt đầu."
        ),
        en=(
            "the column starts in {start} ({start_day}) but today is {today} (from {where}): no quarter is due, "
            "every post counts as scheduled and the site would be empty. Fix: if {today} is wrong, correct {where}; "
            "if it is right, write 'start: {current}' or another quarter that has begun."
        ),
        choices={
            "where": Choice(
                "source",
                {
                    "--today": ("--today {given}", "--today {given}"),
                    "SOURCE_DATE_EPOCH": (
                        "biến môi trường SOURCE_DATE_EPOCH={given}",
                        "the environment variable SOURCE_DATE_EPOCH={given}",
                    ),
                    "clock": ("đồng hồ của máy tính", "this computer's clock"),
                    "extra.column.as_of": ("'as_of: {given}' trong mkdocs.yml", "'as_of: {given}' in mkdocs.yml"),
                    "": ("SOURCE_DATE_EPOCH hoặc đồng hồ của máy tính", "SOURCE_DATE_EPOCH or this computer's clock"),
                },
            )
        },
    ),
    Message(
        "editor_missing",
        when="``extra.column.editor`` is on but Decap CMS (the pinned version) is not installed: the site is built without its editor.",
        vi=(
            "trình soạn bài trên web (editor) đang bật nhưng chưa cài Decap CMS {version} (tìm ở {folder}, thấy "
            "'{found}'), nên trang quan-tri/ không được tạo. Cách sửa: trong thư mục của chuyên mục chạy "
            "'npm install --save-exact decap-cms@{version} decap-server' (cần Node.js 18 trở lên) rồi dựng lại trang; "
            "hoặc đặt 'editor: false'."
        ),
        en=(
            "the web editor is on but Decap CMS {version} is not installed (looked in {folder}, found '{found}'), so "
            "quan-tri/ is not made. Fix: in the column's folder run 'npm install --save-exact decap-cms@{version} "
            "decap-server' (Node.js 18 or later) and build again; or set 'editor: false'."
        ),
    ),
)
