"""Messages of the quarterly rule, and of posts that are not out yet."""

from gecolumn.catalogue.entry import Message

MESSAGES = (
    # --- the quarterly rule, and posts not out yet
    Message(
        "missing_quarter",
        when="A due quarter (or unit-quarter) ended without a post.",
        vi=(
            "{quarter}{of_unit_text} chưa có bài tuyên truyền nào. Cách sửa: đăng ít nhất một bài có 'quarter: "
            "{quarter_id}'{unit_hint}."
        ),
        en=(
            "{quarter_id}{of_unit_text} has no awareness post. Fix: publish at least one post with 'quarter: "
            "{quarter_id}'{unit_hint}."
        ),
    ),
    Message(
        "post_draft",
        when="A valid post marked ``draft: true``: not published, not counted.",
        vi="bản nháp (draft: true) nên chưa đăng và chưa được tính. Khi viết xong, xoá dòng 'draft: true'.",
        en="a draft (draft: true): not published and not counted. Remove 'draft: true' when it is ready.",
    ),
    Message(
        "post_scheduled",
        when="A valid post dated after today: published from its date on.",
        vi="hẹn đăng ngày {date}: chưa đăng, sẽ tự đăng khi trang được dựng lại từ ngày đó.",
        en="scheduled for {date}: not published yet; it appears when the site is rebuilt on or after that day.",
    ),
    Message(
        "file_held_back",
        when="A photo or attachment only drafts and scheduled posts use: published with the first of them that is out.",
        vi=(
            "chỉ bài nháp hoặc bài hẹn giờ dùng tệp này nên tệp chưa được đăng (địa chỉ của nó đoán được từ tiêu đề "
            "bài); tệp sẽ được đăng cùng bài đầu tiên dùng nó."
        ),
        en=(
            "only drafts or scheduled posts use this file, so it is not published yet (its address could be guessed "
            "from the title); it is published with the first of those posts that is out."
        ),
    ),
)
