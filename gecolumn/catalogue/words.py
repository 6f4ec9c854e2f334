"""The words commands print around the messages: table heads, statuses, titles, closing advice, questions.

Not findings (they have no code and no row in the staff guide), but said in both languages
all the same: a command prints every line in the reader's language.
"""

from gecolumn.catalogue.entry import Words

WORDS = (
    # --- the kind of a finding, before its message
    Words("severity_error", "LỖI", "ERROR"),
    Words("severity_warning", "CẢNH BÁO", "WARNING"),
    Words("severity_info", "THÔNG TIN", "INFO"),
    # --- the check's report
    Words(
        "report_title",
        "Kiểm tra chuyên mục tuyên truyền bình đẳng giới, ngày {today}",
        "Gender-equality column check, on {today}",
    ),
    Words("quarter", "Quý", "Quarter"),
    Words("unit", "Đơn vị", "Unit"),
    Words("posts", "Số bài", "Posts"),
    Words("status", "Tình trạng", "Status"),
    Words("whole_column", "(cả chuyên mục)", "(whole column)"),
    Words("status_ok", "đã có bài", "covered"),
    Words("status_missing", "THIẾU BÀI", "MISSING"),
    Words("status_in_progress", "đang diễn ra, còn {days} ngày", "in progress, {days} days left"),
    Words("no_due_quarter", "Chưa có quý nào phải đăng bài.", "No quarter is due yet."),
    Words("errors", "Lỗi ({count})", "Errors ({count})"),
    Words("warnings", "Cảnh báo ({count})", "Warnings ({count})"),
    Words(
        "advice_invalid",
        "=> Có {count} lỗi: sửa các tệp nêu trên rồi chạy lại. Bài bị lỗi không được đăng và không được tính.",
        "=> {count} error(s): fix the files above and run again. Invalid posts are neither published nor counted.",
    ),
    Words(
        "advice_missing",
        "=> Còn thiếu bài ở {count} quý: {quarters}. Hãy đăng bài bổ sung cho các quý này.",
        "=> {count} quarter(s) have no post: {quarters}. Publish posts for them.",
    ),
    Words("advice_ok", "=> Mọi quý đến hạn đều đã có bài. Tốt lắm!", "=> Every due quarter has a post."),
    Words("missing_title", "Thiếu bài {quarter}", "No post in {quarter}"),
    # --- photos
    Words(
        "photos_clean",
        "=> Không ảnh nào mang vị trí GPS hay số sê-ri máy ảnh.",
        "=> No photo carries a GPS position or a camera serial number.",
    ),
    Words(
        "photos_found",
        "=> {count} tệp mang vị trí GPS hoặc số sê-ri máy ảnh. Cách sửa: python -m gecolumn photos --strip",
        "=> {count} file(s) carry a GPS position or a camera serial number. Fix: python -m gecolumn photos --strip",
    ),
    Words(
        "photos_stripped",
        "=> Đã xoá thông tin kèm ảnh khỏi {count} tệp. Hãy lưu các tệp này vào kho (commit).",
        "=> Removed the metadata of {count} file(s). Commit them.",
    ),
    # --- any command that writes a file
    Words("wrote", "Đã ghi {path}", "Wrote {path}"),
    # --- the six-month report
    Words(
        "period_report_title",
        "BÁO CÁO CHUYÊN MỤC TUYÊN TRUYỀN BÌNH ĐẲNG GIỚI: {first} – {last} (đến ngày {today})",
        "GENDER-EQUALITY COLUMN REPORT: {first} – {last} (as of {today})",
    ),
    # --- the six-month report as an official document (report --docx, district --docx): Vietnamese
    # only, like the report it stands for; the English is for maintainers.
    Words(
        "official_subject",
        "Kết quả đăng tin, bài tuyên truyền nâng cao nhận thức về bình đẳng giới trên cổng thông tin điện tử {period}",
        "Posts raising awareness of gender equality on the web portal, {period}",
    ),
    Words("official_half_first", "6 tháng đầu năm {year}", "first half of {year}"),
    Words("official_half_second", "6 tháng cuối năm {year}", "second half of {year}"),
    Words("official_year", "năm {year}", "year {year}"),
    Words("official_span", "từ {first} đến {last}", "{first} to {last}"),
    Words(
        "official_opening",
        "{body} báo cáo kết quả đăng tin, bài tuyên truyền nâng cao nhận thức về bình đẳng giới trên cổng thông tin "
        "điện tử {period} như sau:",
        "{body} reports on its gender-equality awareness posts on its web portal, {period}, as follows:",
    ),
    Words(
        "official_rule",
        "mỗi quý có ít nhất 01 tin, bài nâng cao nhận thức về bình đẳng giới trên cổng thông tin điện tử của đơn vị.",
        "at least one gender-equality awareness post every quarter on the unit's web portal.",
    ),
    Words(
        "official_rule_units",
        "mỗi quý, mỗi đơn vị có ít nhất 01 tin, bài nâng cao nhận thức về bình đẳng giới trên cổng thông tin điện tử.",
        "at least one gender-equality awareness post every quarter from every unit on the web portal.",
    ),
    Words(
        "official_rule_district",
        "100% trường có tin, bài nâng cao nhận thức về bình đẳng giới trên trang thông tin điện tử mỗi quý.",
        "every school has a gender-equality awareness post on its website every quarter.",
    ),
    Words(
        "official_result_one",
        "Trong kỳ, đơn vị đăng {posts} tin, bài; {covered}/{due} quý có bài.",
        "In the period, the unit published {posts} post(s); {covered}/{due} quarters had a post.",
    ),
    Words(
        "official_result_units",
        "Trong kỳ, các đơn vị đăng {posts} tin, bài; {with_post}/{units} đơn vị có bài.",
        "In the period, the units published {posts} post(s); {with_post}/{units} units had a post.",
    ),
    Words(
        "official_result_unit",
        "- {name}: {posts} tin, bài; {covered}/{due} quý có bài.",
        "- {name}: {posts} post(s); {covered}/{due} quarters had a post.",
    ),
    Words("official_no_missing", "Không có quý nào thiếu bài.", "No quarter is without a post."),
    Words("official_missing", "Quý chưa có bài: {quarters}.", "Quarters without a post: {quarters}."),
    Words("official_missing_unit", "- {name}: chưa có bài {quarters}.", "- {name}: no post in {quarters}."),
    Words(
        "official_in_progress",
        "{quarter} đang diễn ra: chưa tính vào số quý phải có bài.",
        "{quarter} is in progress: not yet counted among the quarters due.",
    ),
    Words(
        "official_posts_cut",
        "Danh sách tin, bài (mục III) ghi {listed} tin, bài đầu tiên trong số {total}; các bảng tính đủ mọi tin, bài.",
        "The list of posts (part III) shows the first {listed} of {total}; the tables count every post.",
    ),
    Words("official_district_schools", "Số trường theo dõi: {count}.", "Schools followed: {count}."),
    Words(
        "official_district_kpi",
        "- {quarter}: {ok}/{due} trường có bài, đạt {percent}",
        "- {quarter}: {ok}/{due} schools with a post, {percent}",
    ),
    Words("official_district_kpi_unknown", "; {count} trường chưa rõ", "; {count} school(s) unknown"),
    Words("official_district_kpi_in_progress", " (quý đang diễn ra)", " (quarter in progress)"),
    Words(
        "official_district_missing_head",
        "Trường chưa có bài ({count} trường):",
        "Schools without a post ({count}):",
    ),
    Words(
        "official_district_unknown",
        "- {name}: chưa rõ {quarters} (trang chỉ cho xem các bài gần đây).",
        "- {name}: unknown for {quarters} (its site shows only recent posts).",
    ),
    Words(
        "official_district_unreachable",
        "- {name}: không đọc được trang ({url}).",
        "- {name}: its site could not be read ({url}).",
    ),
    Words("official_caption_quarters", "Bảng 1. Số tin, bài theo đơn vị và quý", "Table 1. Posts per unit and quarter"),
    Words("official_caption_topics", "Bảng 2. Số tin, bài theo chủ đề", "Table 2. Posts per topic"),
    Words("official_caption_schools", "Bảng 1. Số tin, bài của các trường theo quý", "Table 1. Posts per school and quarter"),
    Words(
        "official_closing",
        "Trên đây là báo cáo kết quả đăng tin, bài tuyên truyền về bình đẳng giới {period} của {body}./.",
        "This is the report of {body} on its gender-equality posts, {period}.",
    ),
    Words("official_signer", "HIỆU TRƯỞNG", "HEAD OF SCHOOL"),
    Words("official_signer_district", "TRƯỞNG PHÒNG", "HEAD OF OFFICE"),
    Words("official_recipient_default", "…………………… (để báo cáo)", "…………………… (for their information)"),
    Words("official_archive", "Lưu: VT", "Archive: clerical office"),
    # --- the report's tables (gecolumn report) and the district's (CSV, XLSX)
    Words("table_unit", "Đơn vị", "Unit"),
    Words("table_posts", "Tổng số bài", "Posts"),
    Words("table_covered", "Số quý có bài", "Quarters with a post"),
    Words("table_due", "Số quý phải có", "Quarters due"),
    Words("table_missing", "Quý thiếu bài", "Quarters without a post"),
    Words("table_unknown", "Quý chưa rõ", "Quarters unknown"),
    Words("table_id", "Mã", "Id"),
    Words("table_source", "Nguồn", "Source"),
    Words("table_note", "Ghi chú", "Note"),
    Words("table_topic", "Chủ đề", "Topic"),
    Words("table_all_units", "Tổng", "All units"),
    Words("table_total", "Tổng cộng", "Total"),
    Words("table_with_post", "{count}/{units} đơn vị có bài", "{count}/{units} units with a post"),
    Words("table_without_post", "{count} đơn vị thiếu bài", "{count} unit(s) without a post"),
    Words("table_unreadable", "không đọc được: {problem}", "could not be read: {problem}"),
    Words("table_schools_unreadable", "{count} trường không đọc được", "{count} school(s) could not be read"),
    Words("sheet_by_quarter", "Theo quý", "By quarter"),
    Words("sheet_by_topic", "Theo chủ đề", "By topic"),
    # --- the district monitor
    Words(
        "district_title",
        "Theo dõi chuyên mục tuyên truyền bình đẳng giới của các trường, ngày {today}",
        "Gender-equality columns of the district's schools, on {today}",
    ),
    Words("district_period", "Các quý đến hạn: {first} – {last}", "Due quarters: {first} – {last}"),
    Words("district_school", "Trường", "School"),
    Words("district_source", "Nguồn", "Source"),
    Words("district_ok", "{posts} bài", "{posts} posts"),
    Words("district_missing", "THIẾU", "MISSING"),
    Words("district_in_progress", "đang diễn ra", "in progress"),
    Words("district_unknown", "chưa rõ", "unknown"),
    Words("district_unreachable_source", "không đọc được", "unreadable"),
    Words("district_unreachable", "Không đọc được ({count})", "Could not be read ({count})"),
    Words(
        "district_advice_missing",
        "=> {count} trường còn thiếu bài ({quarters} quý). Nhắc các trường đăng bài bổ sung.",
        "=> {count} school(s) miss posts ({quarters} quarter(s)). Remind them to publish.",
    ),
    Words(
        "district_advice_unreachable",
        "=> {count} trường không đọc được: xem lý do ở trên, sửa cột url hoặc báo trường.",
        "=> {count} school(s) could not be read: see why above; fix the url or tell the school.",
    ),
    Words(
        "district_advice_unknown",
        "=> {count} trường có quý chưa rõ: RSS chỉ chứa các bài mới nhất, không chứng minh được quý cũ.",
        "=> {count} school(s) have quarters a feed cannot tell: it holds only the latest posts.",
    ),
    Words(
        "district_advice_ok",
        "=> Mọi quý đến hạn của mọi trường đều đã có bài.",
        "=> Every due quarter of every school has a post.",
    ),
    Words("district_no_due", "Chưa có quý nào đến hạn.", "No quarter is due yet."),
    Words("district_totals", "Số trường có bài theo quý:", "Schools with a post, per quarter:"),
    Words("district_total", "{quarter}: {ok}/{due} trường ({percent})", "{quarter}: {ok}/{due} schools ({percent})"),
    Words(
        "district_advice_unproven",
        "=> Không quý nào thiếu bài, nhưng còn quý chưa chứng minh được (mã thoát 3).",
        "=> No quarter is missing, but some are not proven (exit status 3).",
    ),
    Words("table_schools_with_post", "Số trường có bài / phải có", "Schools with a post / due"),
    Words("progress_waiting", "đang chờ: {units}", "waiting for: {units}"),
    Words("district_missing_title", "Thiếu bài {quarter}: {name}", "No post in {quarter}: {name}"),
    Words("district_unknown_title", "Chưa rõ {quarter}: {name}", "Unknown {quarter}: {name}"),
    Words("district_unreachable_title", "Không đọc được: {name}", "Could not be read: {name}"),
    # --- the district's dashboard: a quarter, and a school as a whole
    Words("cell_ok", "Có bài", "Has posts"),
    Words("cell_missing", "Thiếu bài", "No post"),
    Words("cell_in_progress", "Đang diễn ra", "In progress"),
    Words("cell_unknown", "Chưa rõ", "Unknown"),
    Words("school_ok", "Đủ bài", "All posts"),
    Words("school_missing", "Thiếu bài", "Posts missing"),
    Words("school_unknown", "Có quý chưa rõ", "Quarters unknown"),
    Words("school_unreachable", "Không đọc được", "Could not be read"),
    # --- new-post: its questions
    Words(
        "ask_word_file",
        "Nhập từ tệp Word (.docx)? Gõ đường dẫn tệp (Enter để bỏ qua): ",
        "Import a Word file (.docx)? Type its path (Enter to skip): ",
    ),
    Words("ask_date", "Ngày đăng [{today}]: ", "Date [{today}]: "),
    Words("ask_title", "Tiêu đề bài viết: ", "Title: "),
    Words("ask_unit", "Chọn đơn vị (số hoặc mã): ", "Unit (number or id): "),
    # --- new: its questions and what it did
    Words("ask_school", "Tên trường (hoặc cơ quan), như bạn đọc thấy", "School (or office) name, as readers see it"),
    Words("ask_unit_id", "Mã đơn vị (chữ thường không dấu)", "Unit id (lower-case ASCII)"),
    Words("ask_url", "Địa chỉ chuyên mục trên cổng thông tin (https://…/)", "The column's address on the portal (https://…/)"),
    Words("ask_start", "Quý đầu tiên phải có bài", "First quarter that must have a post"),
    Words(
        "ask_editor",
        "Bật trình soạn bài trên trình duyệt (trang quan-tri/, cần Node.js)? (c/k)",
        "Turn on the in-browser editor (the quan-tri/ page, needs Node.js)? (y/n)",
    ),
    Words("answer_needed", "  Cần trả lời mục này.", "  This needs an answer."),
    Words("new_cancelled", "\nĐã huỷ: chưa ghi tệp nào.", "\nCancelled: no file written."),
    Words(
        "new_created",
        "Đã tạo chuyên mục của {school} trong thư mục {folder} (gecolumn {version}).",
        "Created the column of {school} in the folder {folder} (gecolumn {version}).",
    ),
    Words("new_building", "Đang dựng trang…", "Building the site…"),
    Words("new_building_strict", "Đang dựng trang (--strict)…", "Building the site (--strict)…"),
    Words(
        "new_built_owing",
        "Trang đã dựng trong {site}. Kiểm tra: còn thiếu bài các quý {quarters} (tính từ {start}).",
        "The site is built in {site}. Check: no post yet in {quarters} (counted from {start}).",
    ),
    Words(
        "new_built",
        "Trang đã dựng trong {site}; kiểm tra: đủ bài các quý, không có lỗi.",
        "The site is built in {site}; check: every quarter has a post, no errors.",
    ),
    Words("next_steps", "\nBa bước tiếp theo:", "\nThree next steps:"),
    Words(
        "next_preview",
        "  1. Xem thử trang trên máy: cd {where}  rồi  {py} -m {engine} serve -f mkdocs.yml  (mở http://127.0.0.1:8000/)",
        "  1. Preview the site on this computer: cd {where}  then  {py} -m {engine} serve -f mkdocs.yml  (open http://127.0.0.1:8000/)",
    ),
    Words(
        "next_write_owed",
        '  2. Viết bài cho các quý còn thiếu, ghi ngày trong quý đó: {py} -m gecolumn new-post --title "Tên bài" --date {day}',
        '  2. Write posts for the quarters without one, dated in that quarter: {py} -m gecolumn new-post --title "Title" --date {day}',
    ),
    Words(
        "next_write",
        '  2. Viết bài mới: {py} -m gecolumn new-post --title "Tên bài"  (hoặc --from bai-viet.docx)',
        '  2. Write a post: {py} -m gecolumn new-post --title "Title"  (or --from post.docx)',
    ),
    Words(
        "next_publish",
        "  3. Đưa thư mục lên GitHub hoặc GitLab (đã có sẵn tệp CI): mỗi lần đẩy bài, CI kiểm tra bài, báo quý còn thiếu\n"
        "     và dựng trang để đăng lên {url}",
        "  3. Put the folder on GitHub or GitLab (the CI file is there): on every push CI checks the posts, reports\n"
        "     missing quarters and builds the site to publish at {url}",
    ),
    Words(
        "upgrade_done",
        "{file}: gecolumn {version}; {changed} gói đổi phiên bản:",
        "{file}: gecolumn {version}; {changed} packages change version:",
    ),
    Words(
        "upgrade_next",
        "Cài lại: {py} -m pip install -r {file}  rồi dựng trang; đưa tệp lên để CI cài đúng các bản này.",
        "Install again: {py} -m pip install -r {file}  then build; commit the file so CI installs these versions.",
    ),
    Words(
        "upgrade_next_own",
        "Cài lại: {py} -m pip install -r {file}  rồi  {py} -m pip install --no-deps -r {own}  rồi dựng trang; "
        "đưa hai tệp lên để CI cài đúng các bản này.",
        "Install again: {py} -m pip install -r {file}  then  {py} -m pip install --no-deps -r {own}  then build; "
        "commit both files so CI installs these versions.",
    ),
    Words(
        "upgrade_ci_file",
        "Lưu ý: {ci} chưa cài {own}. Thêm sau dòng cài requirements.txt: pip install --no-deps -r {own}",
        "Note: {ci} does not install {own} yet. Add after the line that installs requirements.txt: "
        "pip install --no-deps -r {own}",
    ),
    Words(
        "next_editor",
        "  Viết bài trên trình duyệt: cd {where}  rồi  npm ci  (lần đầu), chạy  npx decap-server  và\n"
        "     {py} -m {engine} serve -f mkdocs.yml  trong hai cửa sổ lệnh, rồi mở http://127.0.0.1:8000/quan-tri/",
        "  Write in the browser: cd {where}  then  npm ci  (once), run  npx decap-server  and\n"
        "     {py} -m {engine} serve -f mkdocs.yml  in two terminals, and open http://127.0.0.1:8000/quan-tri/",
    ),
    Words(
        "next_not_built",
        "  (Chưa dựng trang: chạy {py} -m {engine} build -f mkdocs.yml --strict trong thư mục chuyên mục.)",
        "  (Not built: run {py} -m {engine} build -f mkdocs.yml --strict in the column's folder.)",
    ),
    Words(
        "local_install",
        "\nLưu ý: gecolumn trên máy này được cài từ {local}, nơi GitHub/GitLab không tới được. requirements-gecolumn.txt "
        "ghi '{requirement}': CI cài được khi gói có trên PyPI hoặc trên kho gói của phòng/sở. Nếu phòng/sở để "
        'gecolumn trên một kho git, tạo lại với --requirement "gecolumn @ git+https://…/gecolumn.git@v{version}".',
        "\nNote: gecolumn on this computer was installed from {local}, which GitHub/GitLab cannot reach. requirements-gecolumn.txt "
        "says '{requirement}': CI can install it when the package is on PyPI or on the district's package index. If the "
        'district keeps gecolumn in a git repository, run again with --requirement "gecolumn @ git+https://…/gecolumn.git@v{version}".',
    ),
    # --- python -m gecolumn
    Words(
        "usage",
        "Cách dùng (usage): python -m gecolumn {{{commands}}} [--help | …]",
        "Usage: python -m gecolumn {{{commands}}} [--help | …]",
    ),
)

PHRASES = (
    Words("closest", " Có phải ý bạn là '{0}'?", " Did you mean '{0}'?"),
    Words("suggestion", " Có phải ý bạn là '{0}'?", " Did you mean '{0}'?"),
    Words("of_unit", " của {0}", " of {0}"),
    Words("inside", "phần '{0}': ", "part '{0}': "),
)
