"""What each command says about itself: its description and the help of each option (``--help``), in both languages.

argparse prints these; a command builds its parser in the reader's language (chosen from
``--lang`` and ``LANG`` before parsing), so ``--help`` and argparse's own errors name the
options in that language. argparse formats help with ``%``: a text here never holds one.
"""

from gecolumn.catalogue.entry import Words

USAGE = (
    # --- options every command shares
    Words("help_help", "in phần trợ giúp này rồi thoát", "show this help message and exit"),
    Words("help_config", "mkdocs.yml của chuyên mục (mặc định: mkdocs.yml)", "the column's mkdocs.yml (default: mkdocs.yml)"),
    Words(
        "help_lang",
        "ngôn ngữ của thông báo (mặc định: vi; en khi LANG=en…)",
        "the language of every message (default: vi; en when LANG=en…)",
    ),
    Words(
        "help_today",
        "ngày xét, YYYY-MM-DD (mặc định: as_of trong mkdocs.yml, SOURCE_DATE_EPOCH hoặc hôm nay, giờ Việt Nam)",
        "the day to judge on, YYYY-MM-DD (default: as_of in mkdocs.yml, SOURCE_DATE_EPOCH or today, Vietnam time)",
    ),
    Words("help_format", "dạng kết quả: text, json hoặc github (cho CI)", "output form: text, json or github (for CI)"),
    Words("must_be_positive", "phải lớn hơn 0: {value}", "must be greater than 0: {value}"),
    Words("must_not_be_negative", "không được âm: {value}", "must not be negative: {value}"),
    # --- check
    Words(
        "about_check",
        "Kiểm tra mỗi quý đến hạn đều có bài tuyên truyền bình đẳng giới và mọi bài đều hợp lệ.",
        "Check that every due quarter has a gender-equality awareness post and that every post is valid.",
    ),
    # --- report
    Words(
        "about_report",
        "Báo cáo định kỳ (sáu tháng, cuối năm): số bài theo đơn vị, quý và chủ đề.",
        "Periodic report (six-month, year-end): posts per unit, quarter and topic.",
    ),
    Words("help_report_from", "quý đầu, ví dụ 2024-Q1 hoặc 'Quý I/2024'", "first quarter, e.g. 2024-Q1 or Q1/2024"),
    Words("help_report_to", "quý cuối", "last quarter"),
    Words("help_report_csv", "ghi các bảng ra tệp CSV", "write the tables to a CSV file"),
    Words("help_report_xlsx", "ghi các bảng ra tệp Excel (.xlsx)", "write the tables to an Excel workbook (.xlsx)"),
    Words(
        "help_docx",
        "ghi báo cáo ra tệp Word (.docx) theo thể thức văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "write the report as a Word document (.docx) in the administrative layout (Decree 30/2020)",
    ),
    Words(
        "help_docx_template",
        "tệp mẫu Word của đơn vị thay cho mẫu có sẵn (xem hướng dẫn)",
        "the office's own Word template instead of the one shipped (see the guide)",
    ),
    # --- district
    Words(
        "about_district",
        "Theo dõi chuyên mục bình đẳng giới của các trường trong danh sách: trường nào còn thiếu bài quý nào.",
        "Monitor the gender-equality columns of the schools in a roster: which school owes which quarter.",
    ),
    Words(
        "help_district_config",
        "mkdocs.yml lấy tên cơ quan, nơi ký, người ký cho báo cáo --docx (mặc định: mkdocs.yml cạnh danh sách, nếu có)",
        "mkdocs.yml with the office's names for the --docx report (default: mkdocs.yml beside the roster, if any)",
    ),
    Words(
        "help_district_roster",
        "danh sách trường (CSV: unit,name,url[,since])",
        "the roster of schools (CSV: unit,name,url[,since])",
    ),
    Words(
        "help_district_from",
        "quý đầu, ví dụ 2024-Q1 (mặc định: cột since của từng trường)",
        "first quarter, e.g. 2024-Q1 (default: each school's since column)",
    ),
    Words(
        "help_district_today",
        "ngày xét, YYYY-MM-DD (mặc định: SOURCE_DATE_EPOCH hoặc hôm nay, giờ Việt Nam)",
        "the day to judge on, YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today, Vietnam time)",
    ),
    Words("help_district_to", "quý cuối (mặc định: quý hiện tại)", "last quarter (default: this quarter)"),
    Words("help_district_csv", "ghi bảng báo cáo ra tệp CSV", "write the report table to a CSV file"),
    Words("help_district_xlsx", "ghi bảng báo cáo ra tệp Excel (.xlsx)", "write the report table to an Excel workbook (.xlsx)"),
    Words(
        "help_district_html",
        "ghi trang tổng hợp (tiếng Việt) vào thư mục này (index.html)",
        "write the dashboard page (in Vietnamese) into this folder (index.html)",
    ),
    Words(
        "help_district_cache",
        "thư mục lưu bản tải về (mặc định: .cache/gecolumn-district/ cạnh danh sách)",
        "folder for what was downloaded (default: .cache/gecolumn-district/ beside the roster)",
    ),
    Words("help_district_no_cache", "không dùng bản đã lưu", "do not use what was downloaded before"),
    Words(
        "help_district_ledger",
        "sổ theo dõi: mọi bài và mọi khoảng thời gian đã thấy (mặc định: so-theo-doi.jsonl cạnh danh sách)",
        "the ledger of every post and span seen (default: so-theo-doi.jsonl beside the roster)",
    ),
    Words("help_district_no_ledger", "không đọc, không ghi sổ theo dõi", "neither read nor write the ledger"),
    Words("help_district_jobs", "số trường đọc cùng lúc (mặc định: 32)", "schools read at once (default: 32)"),
    Words(
        "help_district_timeout",
        "số giây tối đa cho toàn bộ việc đọc một trường: kết nối, chuyển hướng, các trang, thử lại (mặc định: 20)",
        "most seconds reading one school may take in all: connecting, redirects, pages, retries (default: 20)",
    ),
    Words(
        "help_district_allow_local",
        "cho phép đọc địa chỉ nội bộ (127.0.0.1, 169.254.x.x…) mà danh sách không ghi (cổng thông tin trong mạng nội bộ)",
        "allow local addresses (127.0.0.1, 169.254.x.x…) the roster does not name (an intranet portal)",
    ),
    Words(
        "help_district_retries",
        "số lần thử lại khi lỗi 5xx hoặc hết giờ (mặc định: 2)",
        "retries after a 5xx error or a timeout (default: 2)",
    ),
    # --- new
    Words(
        "about_new",
        "Tạo chuyên mục mới cho một trường (hoặc phòng, sở), dựng trang và kiểm tra.",
        "Create the column of a school (or a district office), build it and check it.",
    ),
    Words("help_new_folder", "thư mục mới cho chuyên mục, ví dụ thcs-bao-khe", "a new folder for the column, e.g. thcs-bao-khe"),
    Words("help_new_school", "tên trường hoặc cơ quan, như bạn đọc thấy", "the school's (or office's) name, as readers see it"),
    Words(
        "help_new_unit",
        "mã đơn vị: chữ thường không dấu, nối bằng '-' (mặc định: từ tên trường)",
        "unit id: lower-case ASCII joined by '-' (default: from the school's name)",
    ),
    Words(
        "help_new_url", "địa chỉ chuyên mục trên cổng thông tin, http(s)://…/", "the column's address on the portal, http(s)://…/"
    ),
    Words(
        "help_new_start",
        "quý đầu tiên phải có bài, ví dụ 2025-Q1 (mặc định: quý này)",
        "first quarter that must have a post, e.g. 2025-Q1 (default: this quarter)",
    ),
    Words("help_new_address", "địa chỉ của trường, in ở chân trang", "the school's postal address, shown in the footer"),
    Words(
        "help_new_units",
        "danh sách các trường (như lệnh district): chuyên mục của phòng, sở",
        "a roster of schools (as for district): a district office's column",
    ),
    Words(
        "help_new_requirement",
        "dòng cài gecolumn trong requirements.txt (mặc định: gecolumn=={version})",
        "the line that installs gecolumn in requirements.txt (default: gecolumn=={version})",
    ),
    Words(
        "help_new_index",
        "kho gói của phòng/sở (…/simple/): requirements.txt ghi mọi gói kèm mã băm, cài từ đó",
        "the district's package index (…/simple/): requirements.txt pins every package with hashes, from there",
    ),
    Words(
        "help_new_engine",
        "bộ dựng trang ghi trong CI và hướng dẫn (mặc định: {default})",
        "the engine CI and the README build with (default: {default})",
    ),
    Words("help_new_no_build", "chỉ ghi tệp, không dựng trang", "write the files only, do not build the site"),
    Words(
        "help_new_editor",
        "bật (hoặc --no-editor: không bật) trình soạn bài trên trình duyệt ở quan-tri/ (Decap CMS)",
        "turn on (or --no-editor: off) the in-browser editor at quan-tri/ (Decap CMS)",
    ),
    # --- new-post
    Words("about_new_post", "Tạo bài viết mới trong posts/.", "Create a new post in posts/."),
    Words("help_new_post_title", "tiêu đề bài viết", "the post's title"),
    Words("help_new_post_unit", "mã đơn vị (xem mkdocs.yml)", "unit id (see mkdocs.yml)"),
    Words(
        "help_new_post_date",
        "ngày đăng, ví dụ 08/03/2024 hoặc '08/03/2024 07:30' (mặc định: hôm nay)",
        "publication date, e.g. 08/03/2024 or '08/03/2024 07:30' (default: today)",
    ),
    Words(
        "help_new_post_campaign",
        "mẫu bài cho 8/3, 28/6 hoặc Tháng hành động",
        "a template for 8 March, 28 June or the Action Month",
    ),
    Words("help_new_post_author", "tác giả hoặc tổ chức viết bài", "the author, a person or an organisation"),
    Words("help_new_post_tag", "chủ đề (có thể lặp lại)", "a topic (may be repeated)"),
    Words(
        "help_new_post_from",
        "lấy tiêu đề, nội dung và ảnh từ tệp Word (.docx)",
        "take the title, the text and the photos from a Word file (.docx)",
    ),
    Words("metavar_docx", "TỆP.docx", "FILE.docx"),
    # --- package
    Words(
        "about_package",
        "Dựng trang (--strict) và đóng gói thành một tệp zip để tải lên cổng thông tin.",
        "Build the site (--strict) and pack it as one zip to upload to the portal.",
    ),
    Words("help_package_output", "thư mục chứa tệp zip (mặc định: dist)", "the folder for the zip (default: dist)"),
    # --- upgrade
    Words(
        "about_upgrade",
        "Viết lại requirements.txt cho một bản gecolumn khác: gecolumn và mọi gói dựng trang, kèm mã băm.",
        "Rewrite requirements.txt for another gecolumn release: gecolumn and every package of the build, with hashes.",
    ),
    Words(
        "help_upgrade_version",
        "phiên bản, ví dụ 0.2.0 (mặc định: bản mới nhất trên kho gói)",
        "the version, e.g. 0.2.0 (default: the newest on the package index)",
    ),
    Words("help_upgrade_requirements", "tệp cần viết lại", "the file to rewrite"),
    # --- photos
    Words(
        "about_photos",
        "Tìm và xoá vị trí GPS, số sê-ri máy ảnh trong ảnh gốc và tệp đính kèm.",
        "Find and remove GPS positions and camera serial numbers in photos and attachments.",
    ),
    Words("help_photos_paths", "tệp hoặc thư mục (mặc định: posts/ và docs/)", "files or folders (default: posts/ and docs/)"),
    Words(
        "help_photos_strip",
        "xoá các thông tin đó ngay trong tệp, không làm giảm chất lượng ảnh",
        "remove that data in place, without touching the image's quality",
    ),
)
