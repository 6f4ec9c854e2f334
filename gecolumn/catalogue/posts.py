"""Messages about a post: the file as a whole, one field of its header, its body when the page is built."""

from gecolumn.catalogue.entry import Message

MESSAGES = (
    # --- a post file as a whole
    Message(
        "not_utf8",
        when="The file is in an old encoding (TCVN3, VNI, Windows-1258), not UTF-8.",
        vi=(
            "tệp không được lưu bằng mã UTF-8 (byte lạ ở vị trí {position}). Cách sửa: mở tệp, chọn Lưu thành… và chọn "
            "mã hoá UTF-8."
        ),
        en="the file is not UTF-8 (bad byte at offset {position}). Fix: save it again with UTF-8 encoding.",
    ),
    Message(
        "paragraph_too_long",
        when=(
            "A post's paragraph (text between blank lines, not a fenced code block, a table or a list) is over 24,000 "
            "characters: Markdown's time grows with its square."
        ),
        vi=(
            "đoạn văn bắt đầu ở dòng này quá dài ({length} ký tự, tối đa {limit}) nên bài không được đăng: "
            "một đoạn dài như vậy làm việc dựng trang chậm đi hàng giờ. Cách sửa: tách đoạn thành nhiều đoạn "
            "ngắn, giữa hai đoạn để một dòng trống; nếu là phần dán nhầm, xoá nó."
        ),
        en=(
            "the paragraph starting at this line is too long ({length} characters, at most {limit}) and the post "
            "is not published: such a paragraph slows the build down by hours. Fix: split it into shorter "
            "paragraphs with a blank line between them; if it was pasted by mistake, remove it."
        ),
    ),
    Message(
        "table_row_too_long",
        when="A row of a post's table is over 24,000 characters: Markdown's time grows with the square of a cell.",
        vi=(
            "dòng này của bảng quá dài ({length} ký tự, tối đa {limit}) nên bài không được đăng: một dòng bảng dài "
            "như vậy làm việc dựng trang chậm đi hàng giờ. Cách sửa: chia nội dung của ô dài thành nhiều dòng của "
            "bảng; nếu là phần dán nhầm, xoá nó."
        ),
        en=(
            "this table row is too long ({length} characters, at most {limit}) and the post is not published: such a "
            "row slows the build down by hours. Fix: spread the long cell over several rows of the table; if it was "
            "pasted by mistake, remove it."
        ),
    ),
    Message(
        "list_item_too_long",
        when=(
            "An item of a post's list (with what follows it up to the next item, nested lists included) is over "
            "24,000 characters: Markdown's time grows with its square."
        ),
        vi=(
            "mục danh sách bắt đầu ở dòng này quá dài ({length} ký tự, tối đa {limit}) nên bài không được đăng: một "
            "mục dài như vậy làm việc dựng trang chậm đi hàng giờ. Cách sửa: tách mục thành nhiều mục ngắn, hoặc để "
            "một dòng trống giữa các đoạn của mục; nếu là phần dán nhầm, xoá nó."
        ),
        en=(
            "the list item starting at this line is too long ({length} characters, at most {limit}) and the post is not "
            "published: such an item slows the build down by hours. Fix: split it into shorter items, or put a blank "
            "line between its paragraphs; if it was pasted by mistake, remove it."
        ),
    ),
    Message(
        "no_front_matter",
        when="The file does not start with a ``---`` header.",
        vi=(
            "bài không có phần thông tin đầu bài. Cách sửa: dòng đầu tiên của tệp phải là '---', tiếp theo là các "
            "trường title, date, quarter, unit, rồi một dòng '---'."
        ),
        en=(
            "the post has no front-matter. Fix: start the file with a '---' line, then the fields title, date, quarter, "
            "unit, then another '---' line."
        ),
    ),
    Message(
        "unclosed_front_matter",
        when="The header opens with ``---`` and never closes.",
        vi=(
            "phần thông tin đầu bài mở bằng '---' nhưng không có dòng '---' đóng lại. Cách sửa: thêm một dòng chỉ có "
            "'---' sau trường cuối cùng."
        ),
        en="the front-matter opens with '---' but is never closed. Fix: add a line with only '---' after the last field.",
    ),
    Message(
        "yaml_syntax",
        when="A header line libyaml cannot read (usually an unquoted colon).",
        vi=(
            "lỗi cú pháp ở phần thông tin đầu bài: {problem}. Cách sửa: mỗi dòng có dạng 'tên: giá trị'; nếu giá trị có "
            'dấu hai chấm (:) hoặc bắt đầu bằng dấu ngoặc, hãy đặt nó trong ngoặc kép "...".'
        ),
        en=(
            "syntax error in the front-matter: {problem}. Fix: every line reads 'name: value'; quote a value that "
            "contains a colon or starts with a bracket."
        ),
    ),
    Message(
        "front_matter_not_mapping",
        when="The header is not ``name: value`` lines.",
        vi="phần thông tin đầu bài phải là các dòng 'tên: giá trị'. Cách sửa: xem bài mẫu trong thư mục posts/.",
        en="the front-matter must be 'name: value' lines. Fix: copy a sample post's header.",
    ),
    Message(
        "front_matter_too_large",
        when="The header is larger than a header can sensibly be (16 KB).",
        vi=(
            "phần thông tin đầu bài quá dài ({size} ký tự, tối đa {limit}). Cách sửa: chỉ giữ các trường title, date, "
            "quarter, unit, tags, summary; đưa nội dung xuống dưới dòng '---' thứ hai."
        ),
        en=(
            "the front-matter is too long ({size} characters, at most {limit}). Fix: keep only the fields; move text "
            "below the second '---' line."
        ),
    ),
    Message(
        "yaml_alias",
        when="The header uses YAML anchors or aliases, which can expand to gigabytes.",
        vi=(
            "phần thông tin đầu bài dùng ký hiệu '&' hoặc '*' của YAML (tham chiếu), không được phép. Cách sửa: viết "
            'thẳng giá trị; nếu đó là chữ, đặt trong ngoặc kép "...".'
        ),
        en=(
            "the front-matter uses YAML anchors or aliases ('&', '*'), which are not allowed. Fix: write the value "
            "itself; quote text that starts with '&' or '*'."
        ),
    ),
    Message(
        "yaml_tag",
        when="The header uses an explicit YAML tag (``!…``).",
        vi=(
            "phần thông tin đầu bài dùng thẻ YAML '{tag}', không được phép. Cách sửa: bỏ phần bắt đầu bằng '!'; nếu đó "
            'là chữ, đặt trong ngoặc kép "...".'
        ),
        en=(
            "the front-matter uses the YAML tag '{tag}', which is not allowed. Fix: remove the part starting with '!', "
            "or quote the text."
        ),
    ),
    Message(
        "too_deep_nesting",
        when="Lists nest deeper than a header needs (libyaml would recurse without end).",
        vi=(
            "phần thông tin đầu bài lồng danh sách quá sâu (quá {limit} cấp). Cách sửa: mỗi trường là một dòng chữ; "
            "'tags' là một danh sách đơn như [Gia đình, Luật]."
        ),
        en=(
            "the front-matter nests lists more than {limit} deep. Fix: each field is one value; 'tags' is a flat list "
            "such as [Family, Law]."
        ),
    ),
    Message(
        "duplicate_field",
        when="A field is written twice; YAML would silently keep the last.",
        vi="trường '{field}' được viết hai lần; chỉ được viết một lần. Cách sửa: xoá một trong hai dòng.",
        en="field '{field}' is written twice. Fix: delete one of the two lines.",
    ),
    # --- one field
    Message(
        "missing_field",
        when="A required field is not there.",
        vi="thiếu trường bắt buộc '{field}'. Cách sửa: thêm dòng '{field}: {example}' vào phần thông tin đầu bài.",
        en="required field '{field}' is missing. Fix: add '{field}: {example}' to the front-matter.",
    ),
    Message(
        "empty_field",
        when="A required field is there but empty (or only invisible characters).",
        vi="trường '{field}' đang để trống. Cách sửa: điền giá trị, ví dụ '{field}: {example}'.",
        en="field '{field}' is empty. Fix: give it a value, e.g. '{field}: {example}'.",
    ),
    Message(
        "not_text",
        when="A one-line field holds a list or a mapping.",
        vi=(
            "trường '{field}' phải là một dòng chữ. Cách sửa: viết giá trị trên cùng dòng, đặt trong ngoặc kép nếu cần, "
            "ví dụ '{field}: \"{example}\"'."
        ),
        en=(
            "field '{field}' must be a single text value. Fix: write it on one line, quoted if needed: '{field}: \"{example}\"'."
        ),
    ),
    Message(
        "too_long",
        when="A field (or a tag) is longer than its limit.",
        vi="trường '{field}' quá dài ({length} ký tự, tối đa {limit}). Cách sửa: viết ngắn lại; phần dài đưa vào nội dung bài.",
        en="field '{field}' is too long ({length} characters, at most {limit}). Fix: shorten it; put longer text in the body.",
    ),
    Message(
        "not_tag_list",
        when="``tags`` is not a list of texts.",
        vi=(
            "trường 'tags' phải là danh sách chữ. Cách sửa: viết 'tags: [Luật Bình đẳng giới, Gia đình]' hoặc mỗi thẻ "
            "một dòng bắt đầu bằng '- '."
        ),
        en="field 'tags' must be a list of text. Fix: 'tags: [Law, Family]' or one '- tag' line each.",
    ),
    Message(
        "too_many_tags",
        when="More tags than a post should have (each tag is a page).",
        vi="bài có {count} chủ đề, tối đa {limit}. Cách sửa: giữ lại những chủ đề chính trong 'tags'.",
        en="the post has {count} tags, at most {limit}. Fix: keep the main topics in 'tags'.",
    ),
    Message(
        "not_boolean",
        when="``draft`` is neither true nor false.",
        vi=(
            "trường '{field}' chỉ nhận true hoặc false, không nhận '{value}'. Cách sửa: viết '{field}: true' (chưa "
            "đăng) hoặc xoá dòng này."
        ),
        en="field '{field}' takes true or false, not '{value}'. Fix: write '{field}: true' (not published) or remove the line.",
    ),
    Message(
        "bad_date",
        when="``date`` is not a date in a form staff write, or not a real day.",
        vi=(
            "ngày '{value}' không đọc được. Cách sửa: viết ngày/tháng/năm như '08/03/2024' (có thể thêm giờ: "
            "'08/03/2024 07:30') hoặc '2024-03-08'."
        ),
        en=(
            "date '{value}' cannot be read. Fix: write day/month/year as '08/03/2024' (optionally '08/03/2024 07:30') "
            "or '2024-03-08'."
        ),
    ),
    Message(
        "bad_quarter",
        when="``quarter`` cannot be read as a quarter.",
        vi="quý '{value}' không đọc được. Cách sửa: viết như '{example}' hoặc 'Quý {roman}/{year}'.",
        en="quarter '{value}' cannot be read. Fix: write it as '{example}' or 'Q{number}/{year}'.",
    ),
    Message(
        "quarter_mismatch",
        when="``quarter`` is not the quarter of ``date``.",
        vi=(
            "quý '{value}' ({quarter}) không khớp với ngày đăng {date}, vốn thuộc {date_quarter} ({date_quarter_id}). "
            "Cách sửa: sửa thành 'quarter: {date_quarter_id}' hoặc sửa lại ngày đăng."
        ),
        en=(
            "quarter '{value}' ({quarter}) does not match the date {date}, which is in {date_quarter_id}. Fix: write "
            "'quarter: {date_quarter_id}' or correct the date."
        ),
    ),
    Message(
        "unknown_unit",
        when="``unit`` is not configured in ``mkdocs.yml``.",
        vi="đơn vị '{value}' không có trong cấu hình (mkdocs.yml). Các đơn vị hợp lệ: {known}.{closest_text}",
        en="unit '{value}' is not configured in mkdocs.yml. Known units: {known}.{closest_text}",
    ),
    Message(
        "unit_required",
        when="The column has several units and the post names none.",
        vi="thiếu trường 'unit' (trang có nhiều đơn vị). Cách sửa: thêm 'unit: <mã đơn vị>', một trong: {known}.",
        en="field 'unit' is missing (the site has several units). Fix: add 'unit: <id>', one of: {known}.",
    ),
    Message(
        "bad_slug",
        when="``slug`` holds characters a URL name may not.",
        vi=(
            "slug '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang. Cách sửa: viết 'slug: "
            "{suggestion}' hoặc xoá dòng này để tạo tự động từ tiêu đề."
        ),
        en=(
            "slug '{value}' may hold only a-z, 0-9 and '-'. Fix: write 'slug: {suggestion}' or remove it to derive one "
            "from the title."
        ),
    ),
    Message(
        "duplicate_slug",
        when="Two posts would be published at the same address.",
        vi=(
            "bài này có cùng địa chỉ '{slug}' với bài {other} (đăng trước). Cách sửa: đổi tiêu đề hoặc thêm 'slug: "
            "{slug}-2' vào bài này."
        ),
        en=(
            "this post would get the same address '{slug}' as {other} (published earlier). Fix: change the title or add "
            "'slug: {slug}-2' to this post."
        ),
    ),
    Message(
        "unknown_field",
        when="A field the column does not use (often a typo).",
        vi="trường '{field}' không được dùng và sẽ bị bỏ qua.{suggestion_text}",
        en="field '{field}' is not used and will be ignored.{suggestion_text}",
    ),
    Message(
        "image_not_found",
        when="The cover named by ``image`` is not a file next to the post.",
        vi=(
            "không tìm thấy ảnh bìa '{value}' trong thư mục của bài nên bài được đăng không có ảnh bìa. Cách sửa: đặt "
            "ảnh cạnh tệp bài viết và ghi đúng tên tệp (kể cả chữ hoa, chữ thường), ví dụ 'image: anh-bia.jpg'."
        ),
        en=(
            "cover image '{value}' is not found next to the post, so the post is published without a cover. Fix: put "
            "the photo next to the post and write its exact file name, e.g. 'image: cover.jpg'."
        ),
    ),
    Message(
        "image_bad_url",
        when="``image`` is neither a file next to the post nor an http(s) URL.",
        vi=(
            "ảnh bìa '{value}' không phải tên tệp cạnh bài cũng không phải địa chỉ http(s) nên bị bỏ qua. Cách sửa: ghi "
            "tên tệp ảnh đặt cạnh bài (ví dụ 'anh-bia.jpg') hoặc một địa chỉ bắt đầu bằng https://."
        ),
        en=(
            "cover image '{value}' is neither a file next to the post nor an http(s) address, so it is ignored. Fix: "
            "give a photo's file name next to the post (e.g. 'cover.jpg') or an https:// address."
        ),
    ),
    # --- the body, when the page is built
    Message(
        "html_removed",
        when="Unsafe HTML (script, handlers, forms…) was removed from the body.",
        vi=(
            "nội dung bài có mã HTML không an toàn đã bị gỡ khi đăng: {removed}. Cách sửa: xoá đoạn mã này; video "
            "YouTube được phép nhúng, còn mã <script>, thuộc tính on…=, biểu mẫu và liên kết javascript: thì không."
        ),
        en=(
            "unsafe HTML was removed from the body when publishing: {removed}. Fix: delete it; YouTube embeds are "
            "allowed, <script>, on…= attributes, forms and javascript: links are not."
        ),
    ),
    Message(
        "image_no_alt",
        when="A photo in the body has no alt text (INFO: screen readers read nothing).",
        vi=(
            "ảnh '{image}' chưa có lời mô tả nên người dùng trình đọc màn hình không biết ảnh có gì. Cách sửa: viết mô "
            "tả trong ngoặc vuông, ví dụ '![Học sinh lớp 7A nhận giải]({image})'."
        ),
        en=(
            "image '{image}' has no alt text, so a screen reader says nothing about it. Fix: describe it in the "
            "brackets, e.g. '![Pupils of class 7A receive the prize]({image})'."
        ),
    ),
)
