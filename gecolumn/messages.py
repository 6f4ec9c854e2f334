"""Message texts in Vietnamese (for staff) and English (for maintainers), by problem code.

Every message says what is wrong and how to fix it; the file, line and field are shown
beside it by :func:`render_located`. The language is ``vi`` unless ``--lang en`` or an
English ``LANG`` asks otherwise.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from gecolumn.problems import Problem, Severity

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
        "vi": "mã đơn vị '{value}' chỉ được gồm chữ thường không dấu, số và '-', tối đa 60 ký tự. "
        "Cách sửa: đổi thành '{suggestion}'.",
        "en": "unit id '{value}' may hold only a-z, 0-9 and '-', 60 characters at most. Fix: use '{suggestion}'.",
    },
    "config_unknown_key": {
        "vi": "mục '{field}' không được dùng và sẽ bị bỏ qua.{suggestion_text}",
        "en": "'{field}' is not a known setting and will be ignored.{suggestion_text}",
    },
    "settings_too_new": {
        "vi": "cài đặt ghi version: {version}, nhưng gecolumn {package} đang cài chỉ đọc được tới phiên bản {supported}. "
        "Cách sửa: nâng cấp gecolumn (đổi số phiên bản trong requirements.txt rồi cài lại), "
        "hoặc trả dòng version về {supported} nếu không dùng cài đặt mới.",
        "en": "the settings say version: {version}, but the installed gecolumn {package} reads format {supported} at most. "
        "Fix: upgrade gecolumn (change the version in requirements.txt and reinstall), "
        "or set version back to {supported} if no new setting is used.",
    },
    "theme_file_overridden": {
        "vi": "tệp {file} thay mẫu cùng tên của gecolumn, nên bản nâng cấp không đổi được phần này của trang. "
        "Cách sửa: nếu không cố ý sửa mẫu, xoá tệp {file} (thư mục này là bản sao từ bản cũ).",
        "en": "{file} replaces gecolumn's template of the same name, so upgrades do not reach this part of the pages. "
        "Fix: unless the change is deliberate, delete {file} (a copy left from an old version).",
    },
    "generator_version_differs": {
        "vi": "requirements.txt ghi gecolumn {pinned}, nhưng trang đang được dựng bằng gecolumn {installed}, nên CI sẽ dựng "
        "bằng bản khác với máy này. Cách sửa: nếu đã nâng cấp, đổi dòng đó thành gecolumn=={installed}; nếu không, "
        "cài lại đúng bản đã ghi: python -m pip install -r requirements.txt",
        "en": "requirements.txt pins gecolumn {pinned}, but gecolumn {installed} is building the site, so CI builds with "
        "another version than this computer. Fix: after an upgrade, change that line to gecolumn=={installed}; "
        "otherwise reinstall the pinned one: python -m pip install -r requirements.txt",
    },
    "old_hook_file": {
        "vi": "{file} là bản sao bộ sinh trang cũ, nên khi dựng trang gecolumn đang cài không được dùng. "
        "Cách sửa: thay toàn bộ nội dung tệp bằng một dòng: from gecolumn.mkdocs_hook import *",
        "en": "{file} is a copy of an old generator, so builds do not use the installed gecolumn. "
        "Fix: replace the whole file with one line: from gecolumn.mkdocs_hook import *",
    },
    "config_unreadable": {
        "vi": "không đọc được tệp cấu hình: {problem}. Cách sửa: chạy lệnh trong thư mục của chuyên mục (nơi có "
        "mkdocs.yml) hoặc chỉ tệp bằng -f; nếu tệp có lỗi, sửa dòng được nêu.",
        "en": "cannot read the configuration: {problem}. Fix: run the command in the column's folder (where mkdocs.yml "
        "is) or name the file with -f; if the file is broken, fix the line named.",
    },
    "no_site_url": {
        "vi": "chưa khai báo địa chỉ trang nên không tạo được RSS. Cách sửa: thêm vào mkdocs.yml "
        "dòng 'site_url: https://truong.edu.vn/binh-dang-gioi/' (địa chỉ thật của chuyên mục).",
        "en": "site_url is not set, so no feeds are written. Fix: add 'site_url: https://…/' "
        "(the column's real address) to mkdocs.yml.",
    },
    # --- hostile input: reading posts/ ---
    "symlink_refused": {
        "vi": "đây là một liên kết tượng trưng (symlink) nên không được đăng: nó có thể trỏ tới tệp "
        "ngoài kho (mật khẩu, biến môi trường). Cách sửa: xoá liên kết và chép tệp thật vào thư mục này.",
        "en": "this is a symbolic link and is never published: it could point outside the repository "
        "(passwords, the build's environment). Fix: remove the link and copy the real file here.",
    },
    "not_regular_file": {
        "vi": "đây không phải một tệp thông thường (ống dẫn, thiết bị…) nên bị bỏ qua. Cách sửa: xoá nó khỏi thư mục posts/.",
        "en": "this is not a regular file (a pipe, a device…) and is skipped. Fix: remove it from posts/.",
    },
    "unreadable_file": {
        "vi": "không đọc được tệp ({problem}). Cách sửa: kiểm tra quyền đọc của tệp rồi chạy lại.",
        "en": "the file cannot be read ({problem}). Fix: check its permissions and run again.",
    },
    "file_too_large": {
        "vi": "tệp quá lớn ({size}, tối đa {limit}) nên không được đăng. Cách sửa: với ảnh, thu nhỏ "
        "hoặc nén lại; với bài viết, tách thành nhiều bài hoặc bỏ phần dán nhầm.",
        "en": "the file is too large ({size}, at most {limit}) and is not published. Fix: shrink a photo; "
        "split a post or remove what was pasted by mistake.",
    },
    "paragraph_too_long": {
        "vi": "đoạn văn bắt đầu ở dòng này quá dài ({length} ký tự, tối đa {limit}) nên bài không được đăng: "
        "một đoạn dài như vậy làm việc dựng trang chậm đi hàng giờ. Cách sửa: tách đoạn thành nhiều đoạn "
        "ngắn, giữa hai đoạn để một dòng trống; nếu là phần dán nhầm, xoá nó.",
        "en": "the paragraph starting at this line is too long ({length} characters, at most {limit}) and the post "
        "is not published: such a paragraph slows the build down by hours. Fix: split it into shorter "
        "paragraphs with a blank line between them; if it was pasted by mistake, remove it.",
    },
    "too_many_files": {
        "vi": "thư mục có quá nhiều tệp (hơn {limit}); các tệp sau giới hạn không được đọc. "
        "Cách sửa: chuyển các tệp không phải bài viết hoặc ảnh ra khỏi thư mục posts/.",
        "en": "the folder holds more than {limit} files; those past the limit are not read. "
        "Fix: move everything that is not a post or a photo out of posts/.",
    },
    "too_deep": {
        "vi": "thư mục lồng quá sâu (quá {limit} cấp) nên không được đọc. Cách sửa: xếp bài theo năm, ví dụ posts/2024/.",
        "en": "folders nest more than {limit} levels deep and are not read. Fix: keep posts by year, e.g. posts/2024/.",
    },
    "asset_backup": {
        "vi": "tệp sao lưu của trình soạn thảo ({suffix}) không được đăng. Cách sửa: xoá tệp này; "
        "nếu đây là bài viết, đổi đuôi thành .md.",
        "en": "an editor's backup file ({suffix}) is not published. Fix: delete it; if it is a post, rename it to .md.",
    },
    "asset_post_as_text": {
        "vi": "tệp có vẻ là bài viết nhưng được lưu với đuôi .txt nên không được đăng. "
        "Cách sửa: đổi tên, bỏ đuôi .txt để tệp kết thúc bằng .md.",
        "en": "this looks like a post saved as .txt, so it is not published. Fix: rename it to end in .md.",
    },
    "asset_script": {
        "vi": "tệp loại {suffix} có thể chứa mã chạy trên máy người đọc nên không được đăng. "
        "Cách sửa: với hình vẽ .svg, xuất ra ảnh .png; với trang .html, chép nội dung vào một bài .md.",
        "en": "{suffix} files can carry script that runs in a reader's browser, so they are not published. "
        "Fix: export an .svg drawing as .png; copy an .html page's text into a .md post.",
    },
    "asset_other_type": {
        "vi": "chuyên mục không đăng tệp loại '{suffix}'. Cách sửa: dùng ảnh (.jpg, .png, .webp), "
        "tài liệu (.pdf, .docx, .xlsx, .pptx) hoặc âm thanh, video (.mp3, .mp4), hoặc xoá tệp này.",
        "en": "a column does not publish '{suffix}' files. Fix: use photos (.jpg, .png, .webp), documents "
        "(.pdf, .docx, .xlsx, .pptx) or recordings (.mp3, .mp4), or delete the file.",
    },
    "asset_case_clash": {
        "vi": "tên tệp chỉ khác {other} ở chữ hoa, chữ thường; trên Windows và macOS đó là cùng một tệp "
        "nên tệp này không được đăng. Cách sửa: đổi tên một trong hai tệp.",
        "en": "this name differs from {other} only in case, which is one file on Windows and macOS, so it "
        "is not published. Fix: rename one of them.",
    },
    "front_matter_too_large": {
        "vi": "phần thông tin đầu bài quá dài ({size} ký tự, tối đa {limit}). Cách sửa: chỉ giữ các "
        "trường title, date, quarter, unit, tags, summary; đưa nội dung xuống dưới dòng '---' thứ hai.",
        "en": "the front-matter is too long ({size} characters, at most {limit}). Fix: keep only the "
        "fields; move text below the second '---' line.",
    },
    "yaml_alias": {
        "vi": "phần thông tin đầu bài dùng ký hiệu '&' hoặc '*' của YAML (tham chiếu), không được phép. "
        'Cách sửa: viết thẳng giá trị; nếu đó là chữ, đặt trong ngoặc kép "...".',
        "en": "the front-matter uses YAML anchors or aliases ('&', '*'), which are not allowed. "
        "Fix: write the value itself; quote text that starts with '&' or '*'.",
    },
    "yaml_tag": {
        "vi": "phần thông tin đầu bài dùng thẻ YAML '{tag}', không được phép. Cách sửa: bỏ phần bắt đầu "
        "bằng '!'; nếu đó là chữ, đặt trong ngoặc kép \"...\".",
        "en": "the front-matter uses the YAML tag '{tag}', which is not allowed. Fix: remove the part "
        "starting with '!', or quote the text.",
    },
    "too_deep_nesting": {
        "vi": "phần thông tin đầu bài lồng danh sách quá sâu (quá {limit} cấp). Cách sửa: mỗi trường là "
        "một dòng chữ; 'tags' là một danh sách đơn như [Gia đình, Luật].",
        "en": "the front-matter nests lists more than {limit} deep. Fix: each field is one value; "
        "'tags' is a flat list such as [Family, Law].",
    },
    "duplicate_field": {
        "vi": "trường '{field}' được viết hai lần; chỉ được viết một lần. Cách sửa: xoá một trong hai dòng.",
        "en": "field '{field}' is written twice. Fix: delete one of the two lines.",
    },
    "too_long": {
        "vi": "trường '{field}' quá dài ({length} ký tự, tối đa {limit}). Cách sửa: viết ngắn lại; "
        "phần dài đưa vào nội dung bài.",
        "en": "field '{field}' is too long ({length} characters, at most {limit}). Fix: shorten it; put longer text in the body.",
    },
    "too_many_tags": {
        "vi": "bài có {count} chủ đề, tối đa {limit}. Cách sửa: giữ lại những chủ đề chính trong 'tags'.",
        "en": "the post has {count} tags, at most {limit}. Fix: keep the main topics in 'tags'.",
    },
    "image_not_found": {
        "vi": "không tìm thấy ảnh bìa '{value}' trong thư mục của bài nên bài được đăng không có ảnh bìa. "
        "Cách sửa: đặt ảnh cạnh tệp bài viết và ghi đúng tên tệp (kể cả chữ hoa, chữ thường), ví dụ 'image: anh-bia.jpg'.",
        "en": "cover image '{value}' is not found next to the post, so the post is published without a cover. "
        "Fix: put the photo next to the post and write its exact file name, e.g. 'image: cover.jpg'.",
    },
    "image_bad_url": {
        "vi": "ảnh bìa '{value}' không phải tên tệp cạnh bài cũng không phải địa chỉ http(s) nên bị bỏ qua. "
        "Cách sửa: ghi tên tệp ảnh đặt cạnh bài (ví dụ 'anh-bia.jpg') hoặc một địa chỉ bắt đầu bằng https://.",
        "en": "cover image '{value}' is neither a file next to the post nor an http(s) address, so it is ignored. "
        "Fix: give a photo's file name next to the post (e.g. 'cover.jpg') or an https:// address.",
    },
    "image_unreadable": {
        "vi": "tệp có đuôi ảnh nhưng không đọc được như một ảnh ({problem}) nên không được đăng. Cách sửa: mở ảnh "
        "trên máy và lưu lại dưới dạng JPEG (.jpg); nếu là ảnh HEIC từ iPhone, chuyển sang JPEG trước khi gửi.",
        "en": "the file is named like a photo but cannot be read as one ({problem}), so it is not published. "
        "Fix: open it and save it again as JPEG (.jpg); convert an iPhone HEIC photo to JPEG first.",
    },
    "image_too_large": {
        "vi": "ảnh quá lớn ({pixels} điểm ảnh, tối đa {limit} megapixel) nên không được đăng. Cách sửa: thu nhỏ ảnh "
        "(ví dụ rộng 2000 điểm ảnh) rồi lưu lại.",
        "en": "the photo is too large ({pixels} pixels, at most {limit} megapixels), so it is not published. "
        "Fix: resize it (e.g. 2000 pixels wide) and save it again.",
    },
    "image_cache_tracked": {
        "vi": "thư mục ảnh tạm '.cache/gecolumn-images' đã được đưa vào kho git, nên ai cũng có thể đã sửa nó; "
        "lần dựng này không dùng nó mà làm lại mọi ảnh. Cách sửa: chạy 'git rm -r --cached .cache' rồi commit, và "
        "giữ dòng '.cache/' trong tệp .gitignore.",
        "en": "the photo cache '.cache/gecolumn-images' is committed to git, so anyone may have written it; this "
        "build ignores it and makes every photo again. Fix: run 'git rm -r --cached .cache', commit, and keep "
        "'.cache/' in .gitignore.",
    },
    "asset_name_clash": {
        "vi": "tệp này và {other} sẽ được đăng cùng một tên '{name}' (ví dụ 'anh.heic' và 'anh.jpg' đều thành "
        "'anh.jpg') nên cả hai không được đăng. Cách sửa: đổi tên một trong hai tệp và sửa liên kết trong bài.",
        "en": "this file and {other} would both be published as '{name}' (e.g. 'photo.heic' and 'photo.jpg' both "
        "become 'photo.jpg'), so neither is published. Fix: rename one of them and its links.",
    },
    "photo_has_location": {
        "vi": "ảnh mang {carried_vi} trong phần thông tin kèm ảnh (EXIF/XMP). Trang web đã xoá khi đăng, nhưng kho "
        "mã công khai vẫn giữ tệp gốc cho bất kỳ ai tải về: lộ vị trí của trường và chiếc điện thoại đã chụp. "
        "Cách sửa: chạy 'python -m gecolumn photos --strip {file}' (ảnh giữ nguyên, chỉ xoá thông tin kèm theo) rồi lưu lại vào kho.",
        "en": "the photo carries a {carried_en} in its metadata (EXIF/XMP). The site removes it, but the public "
        "repository serves the original to anyone: the school's position and the phone that took it. "
        "Fix: run 'python -m gecolumn photos --strip {file}' (the pixels stay, only the metadata goes) and commit it.",
    },
    "attachment_has_location": {
        "vi": "tệp đính kèm có ảnh mang {carried_vi} ({parts}); tệp đính kèm được đăng nguyên vẹn nên ai tải về cũng "
        "đọc được. Cách sửa: chạy 'python -m gecolumn photos --strip {file}' rồi lưu lại vào kho.",
        "en": "the attachment holds photos carrying a {carried_en} ({parts}); attachments are published as they are, "
        "so anyone who downloads it can read that. Fix: run 'python -m gecolumn photos --strip {file}' and commit it.",
    },
    "attachment_unchecked": {
        "vi": "không xem được ảnh bên trong tệp đính kèm ({problem}) nên chưa biết ảnh có mang vị trí GPS hay không. "
        "Cách sửa: mở tệp bằng Word/PowerPoint/Excel, lưu lại, rồi chạy lại kiểm tra.",
        "en": "the photos inside this attachment could not be looked into ({problem}), so it is unknown whether "
        "they carry a GPS position. Fix: open it in Word/PowerPoint/Excel, save it again and re-run the check.",
    },
    "photo_strip_refused": {
        "vi": "không xoá được thông tin kèm ảnh {format} mà không làm giảm chất lượng ảnh, nên tệp được giữ nguyên. "
        "Cách sửa: mở ảnh trên máy, lưu thành JPEG (.jpg), sửa tên ảnh trong bài cho khớp, xoá tệp cũ, rồi chạy lại lệnh.",
        "en": "the metadata of a {format} photo cannot be removed without re-encoding it, so the file is left as it is. "
        "Fix: save it as JPEG (.jpg), change its name in the post, delete the old file and run the command again.",
    },
    "photo_stripped": {
        "vi": "đã xoá {carried_vi} ({removed}); dữ liệu ảnh giữ nguyên từng byte{kept_vi}.",
        "en": "removed {carried_en} ({removed}); the image data is kept byte for byte{kept_en}.",
    },
    "search_index_failed": {
        "vi": "không tạo được chỉ mục tìm kiếm ({reason}) nên ô tìm kiếm của trang sẽ không tìm thấy bài nào; các "
        "trang vẫn được dựng. Cách sửa: cài lại công cụ ('py -m pip install -r requirements.txt', hoặc "
        "'py scripts/dev.py site' trong kho mẫu) rồi dựng lại; nếu vẫn lỗi, gửi dòng này cho người quản trị.",
        "en": "Pagefind could not index the site, so search will find nothing ({reason}); the pages are built. "
        "Fix: reinstall ('py -m pip install -r requirements.txt', or 'py scripts/dev.py site' in the template "
        "repository) and build again; if it persists, send this line to the maintainer.",
    },
    "image_no_alt": {
        "vi": "ảnh '{image}' chưa có lời mô tả nên người dùng trình đọc màn hình không biết ảnh có gì. Cách sửa: "
        "viết mô tả trong ngoặc vuông, ví dụ '![Học sinh lớp 7A nhận giải]({image})'.",
        "en": "image '{image}' has no alt text, so a screen reader says nothing about it. Fix: describe it in "
        "the brackets, e.g. '![Pupils of class 7A receive the prize]({image})'.",
    },
    "html_removed": {
        "vi": "nội dung bài có mã HTML không an toàn đã bị gỡ khi đăng: {removed}. Cách sửa: xoá đoạn mã này; "
        "video YouTube được phép nhúng, còn mã <script>, thuộc tính on…=, biểu mẫu và liên kết javascript: thì không.",
        "en": "unsafe HTML was removed from the body when publishing: {removed}. Fix: delete it; YouTube "
        "embeds are allowed, <script>, on…= attributes, forms and javascript: links are not.",
    },
    "post_draft": {
        "vi": "bản nháp (draft: true) nên chưa đăng và chưa được tính. Khi viết xong, xoá dòng 'draft: true'.",
        "en": "a draft (draft: true): not published and not counted. Remove 'draft: true' when it is ready.",
    },
    "post_scheduled": {
        "vi": "hẹn đăng ngày {date}: chưa đăng, sẽ tự đăng khi trang được dựng lại từ ngày đó.",
        "en": "scheduled for {date}: not published yet; it appears when the site is rebuilt on or after that day.",
    },
    "file_held_back": {
        "vi": "chỉ bài nháp hoặc bài hẹn giờ dùng tệp này nên tệp chưa được đăng (địa chỉ của nó đoán được từ "
        "tiêu đề bài); tệp sẽ được đăng cùng bài đầu tiên dùng nó.",
        "en": "only drafts or scheduled posts use this file, so it is not published yet (its address could be "
        "guessed from the title); it is published with the first of those posts that is out.",
    },
    "missing_quarter": {
        "vi": "{quarter}{of_unit_text} chưa có bài tuyên truyền nào. Cách sửa: đăng ít nhất một bài "
        "có 'quarter: {quarter_id}'{unit_hint}.",
        "en": "{quarter_id}{of_unit_text} has no awareness post. Fix: publish at least one post "
        "with 'quarter: {quarter_id}'{unit_hint}.",
    },
    # --- importing a Word document ---
    "docx_old_format": {
        "vi": "tệp này là định dạng {format}, không phải .docx. Cách sửa: Lưu lại dưới dạng .docx: mở tệp bằng Word "
        "(hoặc LibreOffice), chọn Tệp > Lưu thành… (Save As), chọn kiểu 'Word Document (*.docx)', rồi chạy lại lệnh với tệp mới.",
        "en": "this file is {format}, not .docx. Fix: save it as .docx: open it in Word (or LibreOffice), "
        "File > Save As…, type 'Word Document (*.docx)', and run the command again with the new file.",
    },
    "docx_pdf": {
        "vi": "tệp này là PDF, không phải tệp Word. Cách sửa: xin tệp Word gốc (.docx) của bài; nếu chỉ có PDF, mở nó bằng "
        "Word (Word chuyển được PDF), kiểm tra lại chữ và ảnh, rồi Lưu lại dưới dạng .docx.",
        "en": "this file is a PDF, not a Word document. Fix: ask for the original .docx; if there is only the PDF, "
        "open it in Word (which converts PDFs), check the text and photos, and save it as .docx.",
    },
    "docx_encrypted": {
        "vi": "tệp Word này có mật khẩu nên không đọc được. Cách sửa: mở bằng Word, vào Tệp > Thông tin > Bảo vệ tài liệu > "
        "Mã hoá bằng mật khẩu, xoá mật khẩu, lưu lại rồi chạy lại lệnh.",
        "en": "this Word file is protected by a password and cannot be read. Fix: open it in Word, File > Info > "
        "Protect Document > Encrypt with Password, clear the password, save, and run the command again.",
    },
    "docx_corrupt": {
        "vi": "tệp bị hỏng hoặc không phải văn bản Word ({problem}). Cách sửa: mở tệp bằng Word; nếu mở được, "
        "Lưu lại dưới dạng .docx với tên mới; nếu không, xin lại tệp từ người viết.",
        "en": "the file is damaged or not a Word document ({problem}). Fix: open it in Word; if it opens, save it "
        "again as .docx under a new name; if not, ask the author for the file again.",
    },
    "docx_zip_bomb": {
        "vi": "tệp .docx này bất thường: khi giải nén sẽ thành {size} trong {parts} phần, có phần nén tới {ratio} lần "
        "(giới hạn {limit_size}, {limit_parts} phần, {limit_ratio} lần). Đây có thể là 'bom nén' làm treo máy nên tệp "
        "không được mở. Cách sửa: nếu tệp của người quen, mở bằng Word và Lưu lại dưới dạng .docx mới; nếu không rõ "
        "nguồn gốc, xoá tệp.",
        "en": "this .docx is abnormal: it would unpack to {size} in {parts} parts, one compressed {ratio} times "
        "(limits {limit_size}, {limit_parts} parts, {limit_ratio} times). It may be a zip bomb meant to hang the "
        "machine, so it is not opened. Fix: if it comes from someone you know, open it in Word and save it as a new "
        ".docx; otherwise delete it.",
    },
    "docx_too_large": {
        "vi": "tệp Word quá lớn ({size}, tối đa {limit}). Cách sửa: trong Word chọn một ảnh, vào Định dạng ảnh > Nén ảnh "
        "(Compress Pictures), chọn 'Web (150 ppi)' cho mọi ảnh, xoá video nếu có, lưu lại rồi chạy lại lệnh.",
        "en": "the Word file is too large ({size}, at most {limit}). Fix: in Word select a picture, Picture Format > "
        "Compress Pictures, choose 'Web (150 ppi)' for all pictures, remove any video, save, and run again.",
    },
    "docx_doctype": {
        "vi": "tệp .docx này có phần {part} chứa khai báo DTD (<!DOCTYPE hoặc <!ENTITY): Word không bao giờ ghi như vậy, "
        "và khai báo này có thể nở ra hàng gigabyte chữ làm treo máy, nên tệp không được mở. Cách sửa: nếu tệp của người "
        "quen, mở bằng Word, chọn Tệp > Lưu thành… (Save As), kiểu 'Word Document (*.docx)', lưu với tên mới rồi chạy lại "
        "lệnh với tệp mới; nếu không rõ nguồn gốc, xoá tệp.",
        "en": "the part {part} of this .docx declares a DTD (<!DOCTYPE or <!ENTITY): Word never writes one, and it can "
        "expand to gigabytes of text and hang the machine, so the file is not opened. Fix: if it comes from someone you "
        "know, open it in Word, File > Save As…, type 'Word Document (*.docx)', save under a new name and run the command "
        "again with the new file; otherwise delete it.",
    },
    "docx_too_long": {
        "vi": "chữ chuyển từ tệp Word dài {size}, quá giới hạn một bài ({limit}). Cách sửa: một bài của chuyên mục chỉ vài "
        "trang; tách tài liệu thành nhiều bài (mỗi bài một tệp Word), hoặc đặt tài liệu dài cạnh bài dưới dạng .pdf và "
        "liên kết tới nó.",
        "en": "the text converted from the Word file is {size}, over the limit for a post ({limit}). Fix: a column post is "
        "a few pages; split the document into several posts (one Word file each), or put the long document next to the "
        "post as a .pdf and link to it.",
    },
    "docx_dropped_style": {
        "vi": "kiểu định dạng '{style}' trong tệp Word không được chuyển: chữ vẫn giữ nguyên, chỉ mất màu, cỡ chữ của "
        "kiểu đó. Cách sửa: xem lại đoạn đó trong bài; nếu là tiêu đề mục, dùng kiểu Heading 2 hoặc Heading 3 trong Word.",
        "en": "the Word style '{style}' is not carried over: the text is kept, its colour and size are not. "
        "Fix: look at that passage; for a section heading use Heading 2 or Heading 3 in Word.",
    },
    "docx_dropped_equation": {
        "vi": "{count} công thức toán (Equation) trong tệp Word không được chuyển vào bài. Cách sửa: viết công thức bằng "
        "chữ thường (ví dụ 'số bé trai / số bé gái × 100') hoặc chụp ảnh công thức và chèn như một ảnh.",
        "en": "{count} equation(s) are not carried over. Fix: write the formula as plain text, or insert a picture of it.",
    },
    "docx_dropped_chart": {
        "vi": "{count} biểu đồ (Chart) trong tệp Word không được chuyển vào bài. Cách sửa: trong Word bấm chuột phải vào "
        "biểu đồ > Lưu thành ảnh (Save as Picture…) dạng PNG, đặt ảnh cạnh bài và chèn ![mô tả biểu đồ](ten-anh.png).",
        "en": "{count} chart(s) are not carried over. Fix: in Word right-click the chart > Save as Picture… (PNG), put "
        "it next to the post and add ![what the chart shows](name.png).",
    },
    "docx_dropped_smartart": {
        "vi": "{count} sơ đồ SmartArt trong tệp Word không được chuyển vào bài. Cách sửa: lưu sơ đồ thành ảnh PNG (chuột "
        "phải > Lưu thành ảnh) và chèn vào bài, hoặc viết lại nội dung thành danh sách.",
        "en": "{count} SmartArt diagram(s) are not carried over. Fix: save the diagram as a PNG picture and insert it, "
        "or write its content as a list.",
    },
    "docx_dropped_text_box": {
        "vi": "{count} hộp văn bản (Text Box) trong tệp Word không đọc được nên chữ trong đó không có trong bài. "
        "Cách sửa: chép chữ trong hộp văn bản vào bài (hoặc đưa ra ngoài hộp trong Word rồi nhập lại).",
        "en": "{count} text box(es) could not be read, so their text is not in the post. Fix: copy that text into "
        "the post (or move it out of the box in Word and import again).",
    },
    "docx_dropped_comment": {
        "vi": "{count} ghi chú bên lề (Comment) của người góp ý không được đưa vào bài. Nếu có ý nào cần sửa, hãy sửa "
        "trực tiếp trong bài.",
        "en": "{count} reviewer comment(s) in the margin are not carried over. Apply any change they ask for in the post itself.",
    },
    "docx_dropped_link": {
        "vi": "liên kết '{url}' (ở chữ '{text}') không dẫn tới trang web nào nên chỉ giữ lại chữ. Cách sửa: nếu cần, "
        "thay bằng địa chỉ https://…; tệp đính kèm thì đặt cạnh bài và liên kết tới tên tệp.",
        "en": "the link '{url}' (on '{text}') leads to no web page, so only its text is kept. Fix: use an https:// "
        "address; for an attachment, put the file next to the post and link to its name.",
    },
    "docx_dropped_other": {
        "vi": "bộ chuyển đổi bỏ qua một phần của tệp Word ({detail}). Cách sửa: so sánh bài với tệp Word và bổ sung "
        "phần còn thiếu.",
        "en": "the converter left part of the Word file out ({detail}). Fix: compare the post with the Word file and "
        "add what is missing.",
    },
    "docx_image_unsupported": {
        "vi": "ảnh thứ {number} ('{alt}', dạng {kind}) không xem được trên trình duyệt nên không được chuyển. Cách sửa: "
        "chèn lại ảnh đó dưới dạng JPEG hoặc PNG trong Word rồi nhập lại, hoặc đặt tệp .jpg cạnh bài và chèn vào.",
        "en": "picture {number} ('{alt}', {kind}) is in a format browsers do not show, so it is left out. Fix: insert "
        "it again as JPEG or PNG in Word and import again, or put a .jpg next to the post.",
    },
    "docx_image_not_embedded": {
        "vi": "ảnh '{target}' chỉ được liên kết tới một tệp trên máy người viết, không nằm trong tệp Word, nên không có "
        "trong bài. Cách sửa: trong Word chèn ảnh bằng Chèn > Ảnh (không chọn 'Liên kết tới tệp'), hoặc đặt tệp ảnh cạnh bài.",
        "en": "picture '{target}' is only linked to a file on the author's computer, not inside the Word file, so it "
        "is left out. Fix: insert it with Insert > Pictures (not 'Link to File'), or put the photo next to the post.",
    },
    "docx_image_too_large": {
        "vi": "ảnh thứ {number} ('{alt}') lớn hơn {limit} nên không được chuyển. Cách sửa: trong Word dùng Nén ảnh "
        "(Compress Pictures) rồi nhập lại, hoặc thu nhỏ ảnh và đặt cạnh bài.",
        "en": "picture {number} ('{alt}') is larger than {limit}, so it is left out. Fix: use Compress Pictures in "
        "Word and import again, or shrink the photo and put it next to the post.",
    },
    "docx_title_replaced": {
        "vi": "tiêu đề trong tệp Word '{title}' được thay bằng tiêu đề đã nhập '{given}'. Nếu muốn dùng tiêu đề của tệp, "
        "sửa dòng 'title:' của bài.",
        "en": "the document's title '{title}' is replaced by the given title '{given}'. To use the document's, edit "
        "the post's 'title:' line.",
    },
    # --- hostile input: commands ---
    "bad_today": {
        "vi": "--today '{value}' phải có dạng YYYY-MM-DD (năm-tháng-ngày). Cách sửa: viết như '--today 2024-11-22'.",
        "en": "--today '{value}' must read YYYY-MM-DD. Fix: write it as '--today 2024-11-22'.",
    },
    "bad_source_date_epoch": {
        "vi": "biến môi trường SOURCE_DATE_EPOCH = '{value}' không phải một thời điểm: cần số giây (số nguyên, "
        "không âm) tính từ 01/01/1970 UTC. Cách sửa: bỏ biến này để dùng ngày hôm nay, hoặc đặt bằng thời điểm "
        "của commit cuối: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct).",
        "en": "the environment variable SOURCE_DATE_EPOCH = '{value}' is not a moment: it must be whole, "
        "non-negative seconds since 1970-01-01 UTC. Fix: unset it to use today, or set it to the last "
        "commit's time: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct).",
    },
    "start_after_today": {
        "vi": "chuyên mục bắt đầu từ {start} (ngày {start_day}) nhưng hôm nay mới là {today} (theo {where_vi}): "
        "chưa quý nào phải có bài, mọi bài đều bị coi là chưa đến ngày đăng và trang sẽ trống. Cách sửa: nếu "
        "ngày {today} sai, sửa {where_vi}; nếu đúng, ghi 'start: {current}' hoặc một quý đã bắt đầu.",
        "en": "the column starts in {start} ({start_day}) but today is {today} (from {where_en}): no quarter "
        "is due, every post counts as scheduled and the site would be empty. Fix: if {today} is wrong, "
        "correct {where_en}; if it is right, write 'start: {current}' or another quarter that has begun.",
    },
    "config_rejected": {
        "vi": "MkDocs không chấp nhận mục này: {problem}. Cách sửa: sửa hoặc xoá mục '{field}' trong mkdocs.yml; "
        'giá trị có dấu hai chấm (:) thì đặt trong ngoặc kép "...".',
        "en": "MkDocs rejects this setting: {problem}. Fix: correct or remove '{field}' in mkdocs.yml; "
        'quote a value that contains a colon: "...".',
    },
    "config_not_text": {
        "vi": "'{field}' phải là một dòng chữ, không phải '{value}'. Cách sửa: viết trên một dòng, "
        "ví dụ 'name: Trường THCS Bảo Khê'.",
        "en": "'{field}' must be one line of text, not '{value}'. Fix: write it on one line, e.g. 'name: Trường THCS Bảo Khê'.",
    },
    "output_unwritable": {
        "vi": "không ghi được vào đây ({problem}). Cách sửa: chọn một thư mục đã có và được phép ghi, ví dụ '{example}'.",
        "en": "cannot write here ({problem}). Fix: choose a folder that exists and can be written, e.g. '{example}'.",
    },
    "new_folder_not_empty": {
        "vi": "thư mục {folder} đã có tệp; gecolumn new không ghi đè lên tệp nào. "
        "Cách sửa: chọn một thư mục mới (chưa có) hoặc thư mục trống.",
        "en": "the folder {folder} already holds files; gecolumn new overwrites nothing. "
        "Fix: choose a new (not yet existing) or empty folder.",
    },
    "new_missing_option": {
        "vi": "thiếu {field} (ví dụ: {field} {example}). Cách sửa: thêm {field} vào lệnh, "
        "hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi từng mục.",
        "en": "{field} is missing (e.g. {field} {example}). Fix: add {field} to the command, "
        "or run it in a terminal to be asked for each setting.",
    },
    "new_bad_option": {
        "vi": "{field} '{value}' không dùng được: {reason_vi}. Cách sửa: {fix_vi}",
        "en": "{field} '{value}' cannot be used: {reason_en}. Fix: {fix_en}",
    },
    "new_build_failed": {
        "vi": "đã tạo chuyên mục nhưng lần dựng trang đầu tiên không thành công: {problem}. "
        "Cách sửa: đọc các dòng WARNING/ERROR ở trên, sửa rồi chạy lại: python -m mkdocs build --strict",
        "en": "the column was written but its first build failed: {problem}. "
        "Fix: read the WARNING/ERROR lines above, fix them and run again: python -m mkdocs build --strict",
    },
    "internal_error": {
        "vi": "lỗi ngoài dự kiến của chương trình ({kind}: {detail}); đây không phải lỗi của bài viết. "
        "Cách sửa: chạy lại với biến môi trường GECOLUMN_DEBUG=1 để xem chi tiết, rồi gửi cho người quản trị trang.",
        "en": "unexpected error in the program ({kind}: {detail}); this is not a problem in a post. "
        "Fix: run again with GECOLUMN_DEBUG=1 to see the traceback, and send it to the site's maintainer.",
    },
    # --- the district monitor: roster and options ---
    "roster_unreadable": {
        "vi": "không mở được danh sách trường ({problem}). Cách sửa: kiểm tra tên và đường dẫn tệp, ví dụ 'truong.csv'.",
        "en": "cannot open the roster ({problem}). Fix: check the file's name and path, e.g. 'truong.csv'.",
    },
    "roster_too_large": {
        "vi": "danh sách trường quá lớn (quá {limit}). Cách sửa: mỗi dòng một trường; tách thành nhiều tệp nếu thật sự cần.",
        "en": "the roster is too large (over {limit}). Fix: one school per line; split it into several files if really needed.",
    },
    "roster_not_utf8": {
        "vi": "danh sách trường không được lưu bằng mã UTF-8 (byte lạ ở vị trí {position}). Cách sửa: trong Excel "
        "chọn Lưu thành… > 'CSV UTF-8 (Comma delimited) (*.csv)'.",
        "en": "the roster is not saved as UTF-8 (bad byte at offset {position}). Fix: in Excel use Save As… > "
        "'CSV UTF-8 (Comma delimited) (*.csv)'.",
    },
    "roster_missing_column": {
        "vi": "dòng tiêu đề của danh sách thiếu cột '{field}' (đang có: {found}). Cách sửa: dòng đầu tiên phải là "
        "'unit,name,url,since' (cột since có thể bỏ).",
        "en": "the roster's heading line has no '{field}' column (found: {found}). Fix: the first line must read "
        "'unit,name,url,since' (since is optional).",
    },
    "roster_empty_cell": {
        "vi": "ô '{field}' của trường ở dòng này đang để trống. Cách sửa: điền mã đơn vị (unit), tên trường (name) "
        "và địa chỉ chuyên mục (url), hoặc xoá cả dòng.",
        "en": "the '{field}' cell of this line is empty. Fix: fill in the unit id, the school's name and the "
        "column's address, or delete the whole line.",
    },
    "roster_bad_unit": {
        "vi": "mã đơn vị '{value}' chỉ được gồm chữ thường không dấu, số và dấu '-'. Cách sửa: viết '{suggestion}'.",
        "en": "unit id '{value}' may hold only lower-case ASCII letters, digits and '-'. Fix: write '{suggestion}'.",
    },
    "roster_bad_url": {
        "vi": "địa chỉ '{value}' không phải địa chỉ web http(s) hay một thư mục trên máy. Cách sửa: chép địa chỉ "
        "chuyên mục từ trình duyệt, ví dụ 'https://thcs-baokhe.edu.vn/binh-dang-gioi/'.",
        "en": "'{value}' is neither an http(s) address nor a folder on this computer. Fix: copy the column's "
        "address from the browser, e.g. 'https://thcs-baokhe.edu.vn/binh-dang-gioi/'.",
    },
    "roster_bad_since": {
        "vi": "quý bắt đầu '{value}' không đọc được. Cách sửa: viết như '2024-Q1' hoặc 'Quý I/2024', hoặc để trống.",
        "en": "since '{value}' is not a quarter. Fix: write it as '2024-Q1' or 'Q1/2024', or leave it empty.",
    },
    "roster_duplicate_unit": {
        "vi": "mã đơn vị '{value}' đã có ở dòng {first_line}. Cách sửa: mỗi trường một mã riêng; xoá dòng trùng.",
        "en": "unit id '{value}' is already used on line {first_line}. Fix: give each school its own id; delete the duplicate.",
    },
    "roster_no_school": {
        "vi": "danh sách chỉ có dòng tiêu đề, chưa có trường nào. Cách sửa: thêm mỗi trường một dòng "
        "'mã,tên,địa chỉ', ví dụ 'thcs-bao-khe,Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/binh-dang-gioi/'.",
        "en": "the roster has headings but no school. Fix: add one line per school, e.g. "
        "'thcs-bao-khe,Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/binh-dang-gioi/'.",
    },
    "district_no_start": {
        "vi": "chưa biết xét từ quý nào: không có --from và trường '{unit}' không có cột since. Cách sửa: chạy với "
        "'--from 2024-Q1', hoặc điền cột since cho các trường.",
        "en": "no first quarter to judge from: no --from, and school '{unit}' has no since. Fix: run with "
        "'--from 2024-Q1', or fill in the since column.",
    },
    "district_bad_period": {
        "vi": "--to {last} đứng trước --from {first}. Cách sửa: đổi chỗ hai quý, ví dụ '--from {last} --to {first}'.",
        "en": "--to {last} comes before --from {first}. Fix: swap them, e.g. '--from {last} --to {first}'.",
    },
    # --- the district monitor: a school whose source cannot be read ---
    "source_dns": {
        "vi": "không tìm thấy tên miền '{host}' (tên miền sai, đã hết hạn, hoặc máy không truy cập được DNS). "
        "Cách sửa: mở địa chỉ trong trình duyệt; nếu trường đã đổi tên miền, sửa cột url.",
        "en": "the domain name '{host}' was not found (misspelt, expired, or no DNS). Fix: open the address "
        "in a browser; if the school moved, correct its url.",
    },
    "source_network": {
        "vi": "không kết nối được với máy chủ ({detail}). Cách sửa: thử lại sau; nếu vẫn lỗi, báo người quản trị trang của trường.",
        "en": "cannot connect to the server ({detail}). Fix: try again later; if it persists, tell the school's web master.",
    },
    "source_tls": {
        "vi": "kết nối bảo mật https bị lỗi ({detail}): chứng chỉ hết hạn, tự ký hoặc không đúng tên miền. "
        "Cách sửa: báo người quản trị trang của trường gia hạn hoặc cài lại chứng chỉ.",
        "en": "the https connection failed ({detail}): an expired, self-signed or mismatched certificate. "
        "Fix: ask the school's web master to renew or reinstall the certificate.",
    },
    "source_timeout": {
        "vi": "máy chủ không trả lời kịp, kể cả khi đã thử lại. Cách sửa: thử lại sau, hoặc chạy với '--timeout 60' "
        "nếu mạng chậm.",
        "en": "the server did not answer in time, even after retries. Fix: try again later, or run with "
        "'--timeout 60' on a slow network.",
    },
    "source_http": {
        "vi": "máy chủ trả lời mã lỗi HTTP {status} (404: không có trang này; 403: bị chặn; 5xx: máy chủ đang lỗi, "
        "đã thử lại). Cách sửa: mở địa chỉ trong trình duyệt; nếu chuyên mục đã chuyển chỗ, sửa cột url; nếu "
        "máy chủ lỗi, báo người quản trị trang của trường.",
        "en": "the server answered HTTP {status} (404: no such page; 403: refused; 5xx: server error, retried). "
        "Fix: open the address in a browser; if the column moved, correct its url; if the server fails, tell "
        "the school's web master.",
    },
    "source_redirects": {
        "vi": "địa chỉ chuyển hướng vòng quanh hoặc quá nhiều lần. Cách sửa: mở trong trình duyệt, chép địa chỉ "
        "cuối cùng vào cột url; báo người quản trị trang nếu trình duyệt cũng báo lỗi.",
        "en": "the address redirects in a loop or too many times. Fix: open it in a browser and put the final "
        "address in the url column; tell the web master if the browser fails too.",
    },
    "source_too_large": {
        "vi": "tài liệu lớn hơn {limit}, không phải RSS hay theo-doi.json của một chuyên mục; đã dừng đọc. "
        "Cách sửa: kiểm tra cột url có đúng địa chỉ chuyên mục hoặc RSS không.",
        "en": "the document is larger than {limit}, not a column's feed or theo-doi.json; reading stopped. "
        "Fix: check that the url is the column's address or its feed.",
    },
    "source_no_feed": {
        "vi": "'{location}' không phải theo-doi.json hay RSS/Atom, và không khai báo nguồn tin nào. Cách sửa: "
        "ghi vào cột url địa chỉ RSS của chuyên mục (WordPress: '…/chuyen-muc/binh-dang-gioi/feed/'), hoặc "
        "nhờ trường dùng công cụ chuyên mục này.",
        "en": "'{location}' is neither theo-doi.json nor an RSS/Atom feed, and announces none. Fix: put the "
        "column's feed address in the url column (WordPress: '…/category/binh-dang-gioi/feed/'), or have the "
        "school use this column tool.",
    },
    "source_not_feed": {
        "vi": "'{location}' phải là RSS/Atom nhưng lại là một trang khác (thường là trang báo lỗi). Cách sửa: mở "
        "địa chỉ trong trình duyệt; ghi vào cột url địa chỉ RSS đúng của chuyên mục.",
        "en": "'{location}' should be an RSS/Atom feed but is another page (often an error page). Fix: open it "
        "in a browser; put the column's real feed address in the url column.",
    },
    "source_bad_xml": {
        "vi": "RSS/Atom ở '{location}' bị lỗi cú pháp XML ({detail}). Cách sửa: báo người quản trị trang của trường "
        "(thường do một plugin hoặc ký tự lạ trong tiêu đề bài).",
        "en": "the feed at '{location}' is malformed XML ({detail}). Fix: tell the school's web master (often a "
        "plugin, or a stray character in a title).",
    },
    "source_not_utf8": {
        "vi": "'{location}' không đúng bảng mã đã khai báo (UTF-8 nếu không khai báo; byte lạ ở vị trí {position}). "
        "Cách sửa: báo người quản trị trang của trường xuất RSS bằng UTF-8.",
        "en": "'{location}' is not in the encoding it declares (UTF-8 when none; bad byte at offset {position}). "
        "Fix: ask the school's web master to serve the feed as UTF-8.",
    },
    "source_bad_data": {
        "vi": "theo-doi.json ở '{location}' không đúng định dạng ({detail}). Cách sửa: nhờ trường dựng lại chuyên "
        "mục bằng bản mới của công cụ.",
        "en": "the theo-doi.json at '{location}' is not in the documented format ({detail}). Fix: have the school "
        "rebuild its column with a current version of the tool.",
    },
    "source_newer_schema": {
        "vi": "theo-doi.json ở '{location}' có định dạng mới hơn (schema {schema}) so với công cụ này. Cách sửa: "
        "cập nhật gecolumn ở kho của phòng.",
        "en": "the theo-doi.json at '{location}' has a newer format (schema {schema}) than this tool reads. "
        "Fix: update gecolumn in the district's repository.",
    },
    "source_folder": {
        "vi": "'{location}' không có, hoặc không chứa theo-doi.json hay rss.xml của một trang đã dựng. Cách sửa: "
        "ghi đường dẫn tới thư mục 'site/' của chuyên mục (đường dẫn tương đối tính từ thư mục chứa danh sách).",
        "en": "'{location}' does not exist, or holds no theo-doi.json or rss.xml of a built site. Fix: give the "
        "path of the column's 'site/' folder (a relative path starts from the roster's folder).",
    },
    "district_missing_quarter": {
        "vi": "{name} chưa có bài tuyên truyền bình đẳng giới nào trong {quarter}. Cách sửa: nhắc trường đăng bài "
        "bổ sung cho quý này.",
        "en": "{name} published no gender-equality post in {quarter}. Fix: remind the school to publish one for it.",
    },
    "district_unknown_quarter": {
        "vi": "chưa rõ {name} có bài trong {quarter} không: RSS của trường chỉ chứa các bài mới nhất (bài cũ nhất "
        "thuộc {oldest}). Cách sửa: xem trực tiếp trên trang của trường, hoặc nhờ trường dùng công cụ chuyên mục "
        "này (có theo-doi.json).",
        "en": "unknown whether {name} published in {quarter}: its feed holds only the latest posts (the oldest "
        "is from {oldest}). Fix: look at the school's site, or have it use this column tool (with theo-doi.json).",
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
    "photos_clean": {
        "vi": "=> Không ảnh nào mang vị trí GPS hay số sê-ri máy ảnh.",
        "en": "=> No photo carries a GPS position or a camera serial number.",
    },
    "photos_found": {
        "vi": "=> {count} tệp mang vị trí GPS hoặc số sê-ri máy ảnh. Cách sửa: python -m gecolumn photos --strip",
        "en": "=> {count} file(s) carry a GPS position or a camera serial number. Fix: python -m gecolumn photos --strip",
    },
    "photos_stripped": {
        "vi": "=> Đã xoá thông tin kèm ảnh khỏi {count} tệp. Hãy lưu các tệp này vào kho (commit).",
        "en": "=> Removed the metadata of {count} file(s). Commit them.",
    },
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


MAX_SHOWN = 120
"""Characters of one value a message shows; a longer value is cut with ``…``."""

# A value read from a file is printed into terminals and CI logs: a line break in it could
# start a line of its own (a forged ``::error::`` in GitHub Actions), a bidi control could
# make the message read differently from what it says. Such characters are shown escaped.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(value: object, limit: int | None = MAX_SHOWN) -> object:
    r"""``value`` as a message may show it: control and bidi characters escaped, at most ``limit`` characters.

    Numbers and ``None`` are left as they are.

    >>> shown("x\n::error::forged\u202e")
    'x\\n::error::forged\\u202e'
    """
    if value is None or isinstance(value, (int, float)):
        return value
    text = _UNSHOWABLE.sub(lambda m: _ESCAPES.get(m[0]) or f"\\u{ord(m[0]):04x}", str(value))
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def render(code: str, params: Mapping, lang: str = "vi") -> str:
    """The message for ``code`` in ``lang``, filled with ``params``."""
    values = {name: shown(value) for name, value in params.items()}
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


_SEVERITY_WORDS = {
    "vi": {Severity.ERROR: "LỖI", Severity.WARNING: "CẢNH BÁO", Severity.INFO: "THÔNG TIN"},
    "en": {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"},
}


def render_located(problem: Problem, lang: str = "vi") -> str:
    """``file:line: KIND [field]: message``, as compilers and editors show it (no location for the whole column)."""
    where = problem.file + (f":{problem.line}" if problem.line else "")
    kind = _SEVERITY_WORDS["en" if lang == "en" else "vi"][problem.severity]
    field = f" [{problem.field}]" if problem.field else ""
    return f"{where + ': ' if where else ''}{kind}{field}: {render_problem(problem, lang)}"


class _Defaulting(dict):
    """Leaves an unknown ``{name}`` visible rather than crashing on a missing parameter."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
