"""Messages of the commands themselves: their options, their outputs, the unexpected."""

from gecolumn.catalogue.entry import Message

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
    ),
    Message(
        "new_bad_option",
        when="A value given to ``gecolumn new`` that a column cannot use.",
        vi="{field} '{value}' không dùng được: {reason_vi}. Cách sửa: {fix_vi}",
        en="{field} '{value}' cannot be used: {reason_en}. Fix: {fix_en}",
    ),
    Message(
        "new_build_failed",
        when="The new column was written but its first build failed.",
        vi=(
            "đã tạo chuyên mục nhưng lần dựng trang đầu tiên không thành công: {problem}. Cách sửa: đọc các dòng "
            "WARNING/ERROR ở trên, sửa rồi chạy lại: python -m mkdocs build --strict"
        ),
        en=(
            "the column was written but its first build failed: {problem}. Fix: read the WARNING/ERROR lines above, fix "
            "them and run again: python -m mkdocs build --strict"
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
