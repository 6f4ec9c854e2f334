"""Messages of the district monitor: its roster and options, unreadable sources, its findings."""

from gecolumn.catalogue.entry import Choice, Message

MESSAGES = (
    # --- the district monitor: its roster (truong.csv) and options
    Message(
        "roster_unreadable",
        when="The roster file cannot be opened.",
        vi="không mở được danh sách trường ({problem}). Cách sửa: kiểm tra tên và đường dẫn tệp, ví dụ 'truong.csv'.",
        en="cannot open the roster ({problem}). Fix: check the file's name and path, e.g. 'truong.csv'.",
    ),
    Message(
        "roster_too_large",
        when="The roster is larger than any district's (2 MB, 5,000 schools).",
        vi="danh sách trường quá lớn (quá {limit}). Cách sửa: mỗi dòng một trường; tách thành nhiều tệp nếu thật sự cần.",
        en="the roster is too large (over {limit}). Fix: one school per line; split it into several files if really needed.",
        choices={"limit": Choice("limit", {"schools": ("{schools} trường", "{schools} schools")})},
    ),
    Message(
        "roster_not_utf8",
        when='The roster was saved in an old encoding, not UTF-8 (Excel\'s plain "CSV" on some computers).',
        vi=(
            "danh sách trường không được lưu bằng mã UTF-8 (byte lạ ở vị trí {position}). Cách sửa: trong Excel chọn "
            "Lưu thành… > 'CSV UTF-8 (Comma delimited) (*.csv)'."
        ),
        en=(
            "the roster is not saved as UTF-8 (bad byte at offset {position}). Fix: in Excel use Save As… > 'CSV UTF-8 "
            "(Comma delimited) (*.csv)'."
        ),
    ),
    Message(
        "roster_missing_column",
        when="The roster's first line lacks a required column heading (unit, name, url).",
        vi=(
            "dòng tiêu đề của danh sách thiếu cột '{field}' (đang có: {found}). Cách sửa: dòng đầu tiên phải là "
            "'unit,name,url,since' (cột since có thể bỏ)."
        ),
        en=(
            "the roster's heading line has no '{field}' column (found: {found}). Fix: the first line must read "
            "'unit,name,url,since' (since is optional)."
        ),
    ),
    Message(
        "roster_empty_cell",
        when="A school's line leaves a required cell empty.",
        vi=(
            "ô '{field}' của trường ở dòng này đang để trống. Cách sửa: điền mã đơn vị (unit), tên trường (name) và địa "
            "chỉ chuyên mục (url), hoặc xoá cả dòng."
        ),
        en=(
            "the '{field}' cell of this line is empty. Fix: fill in the unit id, the school's name and the column's "
            "address, or delete the whole line."
        ),
    ),
    Message(
        "roster_bad_unit",
        when="A unit id holds characters a URL name may not, or is longer than 60 characters.",
        vi=(
            "mã đơn vị '{value}' chỉ được gồm chữ thường không dấu, số và dấu '-', tối đa {limit} ký tự. "
            "Cách sửa: viết '{suggestion}'."
        ),
        en="unit id '{value}' may hold only lower-case ASCII letters, digits and '-', {limit} at most. Fix: write '{suggestion}'.",
    ),
    Message(
        "roster_bad_url",
        when="A school's url is neither an http(s) address nor a folder on this computer.",
        vi=(
            "địa chỉ '{value}' không phải địa chỉ web http(s) hay một thư mục trên máy. Cách sửa: chép địa chỉ chuyên "
            "mục từ trình duyệt, ví dụ 'https://thcs-baokhe.edu.vn/binh-dang-gioi/'."
        ),
        en=(
            "'{value}' is neither an http(s) address nor a folder on this computer. Fix: copy the column's address from "
            "the browser, e.g. 'https://thcs-baokhe.edu.vn/binh-dang-gioi/'."
        ),
    ),
    Message(
        "roster_bad_since",
        when="A school's since is not a quarter.",
        vi="quý bắt đầu '{value}' không đọc được. Cách sửa: viết như '2024-Q1' hoặc 'Quý I/2024', hoặc để trống.",
        en="since '{value}' is not a quarter. Fix: write it as '2024-Q1' or 'Q1/2024', or leave it empty.",
    ),
    Message(
        "roster_duplicate_unit",
        when="Two lines of the roster have the same unit id.",
        vi="mã đơn vị '{value}' đã có ở dòng {first_line}. Cách sửa: mỗi trường một mã riêng; xoá dòng trùng.",
        en="unit id '{value}' is already used on line {first_line}. Fix: give each school its own id; delete the duplicate.",
    ),
    Message(
        "roster_no_school",
        when="The roster has headings but no school.",
        vi=(
            "danh sách chỉ có dòng tiêu đề, chưa có trường nào. Cách sửa: thêm mỗi trường một dòng 'mã,tên,địa chỉ', ví "
            "dụ 'thcs-bao-khe,Trường THCS Bảo Khê,https://thcs-baokhe.edu.vn/binh-dang-gioi/'."
        ),
        en=(
            "the roster has headings but no school. Fix: add one line per school, e.g. 'thcs-bao-khe,Trường THCS Bảo "
            "Khê,https://thcs-baokhe.edu.vn/binh-dang-gioi/'."
        ),
    ),
    Message(
        "district_no_start",
        when="No --from, and a school has no since to be judged from.",
        vi=(
            "chưa biết xét từ quý nào: không có --from và trường '{unit}' không có cột since. Cách sửa: chạy với "
            "'--from 2024-Q1', hoặc điền cột since cho các trường."
        ),
        en=(
            "no first quarter to judge from: no --from, and school '{unit}' has no since. Fix: run with '--from "
            "2024-Q1', or fill in the since column."
        ),
    ),
    Message(
        "district_bad_period",
        when="--to names a quarter before --from.",
        vi="--to {last} đứng trước --from {first}. Cách sửa: đổi chỗ hai quý, ví dụ '--from {last} --to {first}'.",
        en="--to {last} comes before --from {first}. Fix: swap them, e.g. '--from {last} --to {first}'.",
    ),
    # --- the district monitor: a school whose source cannot be read
    Message(
        "source_dns",
        when="The school's domain name does not exist (or the DNS cannot be reached).",
        vi=(
            "không tìm thấy tên miền '{host}' (tên miền sai, đã hết hạn, hoặc máy không truy cập được DNS). Cách sửa: "
            "mở địa chỉ trong trình duyệt; nếu trường đã đổi tên miền, sửa cột url."
        ),
        en=(
            "the domain name '{host}' was not found (misspelt, expired, or no DNS). Fix: open the address in a browser; "
            "if the school moved, correct its url."
        ),
    ),
    Message(
        "source_network",
        when="The connection was refused or dropped.",
        vi="không kết nối được với máy chủ ({detail}). Cách sửa: thử lại sau; nếu vẫn lỗi, báo người quản trị trang của trường.",
        en="cannot connect to the server ({detail}). Fix: try again later; if it persists, tell the school's web master.",
    ),
    Message(
        "source_tls",
        when="The https connection failed: an expired, self-signed or mismatched certificate.",
        vi=(
            "kết nối bảo mật https bị lỗi ({detail}): chứng chỉ hết hạn, tự ký hoặc không đúng tên miền. Cách sửa: báo "
            "người quản trị trang của trường gia hạn hoặc cài lại chứng chỉ."
        ),
        en=(
            "the https connection failed ({detail}): an expired, self-signed or mismatched certificate. Fix: ask the "
            "school's web master to renew or reinstall the certificate."
        ),
    ),
    Message(
        "source_timeout",
        when="The server did not answer in time, even after retries.",
        vi="máy chủ không trả lời kịp, kể cả khi đã thử lại. Cách sửa: thử lại sau, hoặc chạy với '--timeout 60' nếu mạng chậm.",
        en=(
            "the server did not answer in time, even after retries. Fix: try again later, or run with '--timeout 60' on "
            "a slow network."
        ),
    ),
    Message(
        "source_http",
        when="The server answered with an HTTP error (404, 403, 500…), after retries for 5xx.",
        vi=(
            "máy chủ trả lời mã lỗi HTTP {status} (404: không có trang này; 403: bị chặn; 5xx: máy chủ đang lỗi, đã thử "
            "lại). Cách sửa: mở địa chỉ trong trình duyệt; nếu chuyên mục đã chuyển chỗ, sửa cột url; nếu máy chủ lỗi, "
            "báo người quản trị trang của trường."
        ),
        en=(
            "the server answered HTTP {status} (404: no such page; 403: refused; 5xx: server error, retried). Fix: open "
            "the address in a browser; if the column moved, correct its url; if the server fails, tell the school's web "
            "master."
        ),
    ),
    Message(
        "source_redirects",
        when="Redirects went on too long (a redirect loop).",
        vi=(
            "địa chỉ chuyển hướng vòng quanh hoặc quá nhiều lần. Cách sửa: mở trong trình duyệt, chép địa chỉ cuối cùng "
            "vào cột url; báo người quản trị trang nếu trình duyệt cũng báo lỗi."
        ),
        en=(
            "the address redirects in a loop or too many times. Fix: open it in a browser and put the final address in "
            "the url column; tell the web master if the browser fails too."
        ),
    ),
    Message(
        "source_too_large",
        when="The document is larger than a feed or a theo-doi.json can be (stopped reading at the limit).",
        vi=(
            "tài liệu lớn hơn {limit}, không phải RSS hay theo-doi.json của một chuyên mục; đã dừng đọc. Cách sửa: kiểm "
            "tra cột url có đúng địa chỉ chuyên mục hoặc RSS không."
        ),
        en=(
            "the document is larger than {limit}, not a column's feed or theo-doi.json; reading stopped. Fix: check "
            "that the url is the column's address or its feed."
        ),
    ),
    Message(
        "source_encoding",
        when="The server compressed the document in a way not read (more than two layers, or not gzip/deflate), or broke its compression.",
        vi=(
            "máy chủ gửi tài liệu nén theo kiểu không đọc được ('{encoding}'); đã dừng đọc. Cách sửa: báo người quản trị "
            "trang của trường kiểm tra cấu hình nén (gzip) của máy chủ."
        ),
        en=(
            "the server sent the document compressed in a way not read ('{encoding}'); reading stopped. Fix: ask the "
            "school's web master to check the server's compression (gzip) settings."
        ),
    ),
    Message(
        "source_local_address",
        when=(
            "A redirect or an announced link leads to a loopback, link-local (cloud metadata), unspecified or "
            "multicast address the roster does not name."
        ),
        vi=(
            "không đọc '{host}': địa chỉ {address} là địa chỉ nội bộ của máy chạy công cụ (loopback, link-local, "
            "metadata), mà danh sách trường không ghi địa chỉ này; không kết nối. Cách sửa: nếu trang của trường thật "
            "sự ở mạng nội bộ, ghi thẳng địa chỉ đó vào cột url, hoặc chạy với '--allow-local'."
        ),
        en=(
            "'{host}' not read: its address {address} is local to the machine running the tool (loopback, link-local, "
            "metadata) and the roster does not name it; nothing was connected. Fix: if the school's site really is on "
            "the intranet, put that address in the url column, or run with '--allow-local'."
        ),
    ),
    Message(
        "source_no_feed",
        when="A web page that names no theo-doi.json and no RSS/Atom feed.",
        vi=(
            "'{location}' không phải theo-doi.json hay RSS/Atom, và không khai báo nguồn tin nào. Cách sửa: ghi vào cột "
            "url địa chỉ RSS của chuyên mục (WordPress: '…/chuyen-muc/binh-dang-gioi/feed/'), hoặc nhờ trường dùng công "
            "cụ chuyên mục này."
        ),
        en=(
            "'{location}' is neither theo-doi.json nor an RSS/Atom feed, and announces none. Fix: put the column's feed "
            "address in the url column (WordPress: '…/category/binh-dang-gioi/feed/'), or have the school use this "
            "column tool."
        ),
    ),
    Message(
        "source_not_feed",
        when="A document that should be a feed is something else (an HTML error page, another XML).",
        vi=(
            "'{location}' phải là RSS/Atom nhưng lại là một trang khác (thường là trang báo lỗi). Cách sửa: mở địa chỉ "
            "trong trình duyệt; ghi vào cột url địa chỉ RSS đúng của chuyên mục."
        ),
        en=(
            "'{location}' should be an RSS/Atom feed but is another page (often an error page). Fix: open it in a "
            "browser; put the column's real feed address in the url column."
        ),
    ),
    Message(
        "source_bad_xml",
        when="The feed is malformed XML.",
        vi=(
            "RSS/Atom ở '{location}' bị lỗi cú pháp XML ({detail}). Cách sửa: báo người quản trị trang của trường "
            "(thường do một plugin hoặc ký tự lạ trong tiêu đề bài)."
        ),
        en=(
            "the feed at '{location}' is malformed XML ({detail}). Fix: tell the school's web master (often a plugin, "
            "or a stray character in a title)."
        ),
        choices={
            "detail": Choice(
                "detail", {"xml_at": ("dòng {line}, cột {column}: {reason}", "line {line}, column {column}: {reason}")}
            )
        },
    ),
    Message(
        "source_entities",
        when="A feed declares a DOCTYPE with its own entities (an XML bomb can grow a few KB into gigabytes).",
        vi=(
            "RSS/Atom ở '{location}' khai báo DOCTYPE với thực thể riêng (<!ENTITY>), điều mà RSS không cần và có thể làm "
            "tràn bộ nhớ; không đọc. Cách sửa: báo người quản trị trang của trường bỏ phần <!DOCTYPE … [ … ]> khỏi RSS."
        ),
        en=(
            "the feed at '{location}' declares a DOCTYPE with its own entities (<!ENTITY>), which no feed needs and which "
            "can exhaust memory; not read. Fix: ask the school's web master to remove the <!DOCTYPE … [ … ]> from the feed."
        ),
    ),
    Message(
        "source_not_utf8",
        when="The feed or theo-doi.json is not in the encoding it declares (UTF-8 by default).",
        vi=(
            "'{location}' không đúng bảng mã đã khai báo (UTF-8 nếu không khai báo; byte lạ ở vị trí {position}). Cách "
            "sửa: báo người quản trị trang của trường xuất RSS bằng UTF-8."
        ),
        en=(
            "'{location}' is not in the encoding it declares (UTF-8 when none; bad byte at offset {position}). Fix: ask "
            "the school's web master to serve the feed as UTF-8."
        ),
    ),
    Message(
        "source_bad_data",
        when="The theo-doi.json is not JSON, or not in the documented format.",
        vi=(
            "theo-doi.json ở '{location}' không đúng định dạng ({detail}). Cách sửa: nhờ trường dựng lại chuyên mục "
            "bằng bản mới của công cụ."
        ),
        en=(
            "the theo-doi.json at '{location}' is not in the documented format ({detail}). Fix: have the school rebuild "
            "its column with a current version of the tool."
        ),
        choices={
            "detail": Choice(
                "detail",
                {
                    "not_json": ("không phải JSON", "not JSON"),
                    "no_schema": ("không có khoá 'schema' của theo-doi.json", "no 'schema' key of a theo-doi.json"),
                },
            )
        },
    ),
    Message(
        "source_newer_schema",
        when="The theo-doi.json has a newer format than this tool reads.",
        vi=(
            "theo-doi.json ở '{location}' có định dạng mới hơn (schema {schema}) so với công cụ này. Cách sửa: cập nhật "
            "gecolumn ở kho của phòng."
        ),
        en=(
            "the theo-doi.json at '{location}' has a newer format (schema {schema}) than this tool reads. Fix: update "
            "gecolumn in the district's repository."
        ),
    ),
    Message(
        "source_foreign_data",
        when="A theo-doi.json found for a school is neither under the school's address nor names it as its site_url.",
        vi=(
            "bỏ qua theo-doi.json ở '{location}': không nằm dưới địa chỉ của trường ({address}) và không ghi địa chỉ "
            "đó làm site_url (ghi: {site_url}), nên không phải số liệu của trường này. Cách sửa: ghi trong danh sách "
            "đúng địa chỉ chuyên mục của trường, hoặc trang RSS của trường."
        ),
        en=(
            "ignored the theo-doi.json at '{location}': it is not under the school's address ({address}) and does not "
            "name it as its site_url (it says {site_url}), so it is not this school's data. Fix: give the school's own "
            "column address in the roster, or its RSS feed."
        ),
    ),
    Message(
        "source_inconsistent_data",
        when="A theo-doi.json's count for a quarter disagrees with its own list of posts.",
        vi=(
            "bỏ qua theo-doi.json ở '{location}': ô {quarter} ghi {cell} bài nhưng danh sách bài của chính tệp có "
            "{listed} bài trong quý đó, nên số liệu không đáng tin. Cách sửa: nhờ trường dựng lại chuyên mục bằng "
            "công cụ này; đừng sửa tệp bằng tay."
        ),
        en=(
            "ignored the theo-doi.json at '{location}': its {quarter} cell says {cell} posts but its own list of posts "
            "holds {listed} in that quarter, so the data cannot be trusted. Fix: have the school rebuild its column "
            "with this tool; never edit the file by hand."
        ),
    ),
    Message(
        "source_folder",
        when="The folder named in the roster does not exist or holds no theo-doi.json or rss.xml.",
        vi=(
            "'{location}' không có, hoặc không chứa theo-doi.json hay rss.xml của một trang đã dựng. Cách sửa: ghi "
            "đường dẫn tới thư mục 'site/' của chuyên mục (đường dẫn tương đối tính từ thư mục chứa danh sách)."
        ),
        en=(
            "'{location}' does not exist, or holds no theo-doi.json or rss.xml of a built site. Fix: give the path of "
            "the column's 'site/' folder (a relative path starts from the roster's folder)."
        ),
    ),
    # --- the district monitor: its ledger (so-theo-doi.jsonl)
    Message(
        "ledger_bad_line",
        when="A line of the district's ledger is not a record the monitor wrote (corrupt, or edited by hand); it is kept and skipped.",
        vi=(
            "dòng này của sổ theo dõi không đọc được ({detail}); đã bỏ qua dòng này, các dòng khác vẫn dùng. Cách sửa: "
            "lấy lại dòng cũ từ lịch sử git của kho ('git log -p {ledger}'), hoặc xoá dòng (mất bằng chứng của dòng đó)."
        ),
        en=(
            "this line of the ledger cannot be read ({detail}); it was skipped, the other lines are used. Fix: restore "
            "it from the repository's git history ('git log -p {ledger}'), or delete it (losing what it proved)."
        ),
        choices={
            "detail": Choice(
                "detail",
                {
                    "not_json": ("không phải JSON", "not JSON"),
                    "not_record": ("không có 'kind' là 'post' hay 'span'", "no 'kind' of 'post' or 'span'"),
                    "bad_field": ("ô '{key}' thiếu hoặc sai", "'{key}' is missing or wrong"),
                    "too_long": ("dòng quá dài", "the line is too long"),
                },
            )
        },
    ),
    Message(
        "ledger_too_large",
        when="The ledger is larger than any district's would be (64 MB); it is neither used nor written.",
        vi=(
            "sổ theo dõi lớn hơn {limit}, không phải sổ do công cụ ghi; lần chạy này không dùng và không ghi sổ. Cách "
            "sửa: kiểm tra '--ledger' chỉ đúng tệp sổ theo dõi (mặc định so-theo-doi.jsonl cạnh danh sách trường)."
        ),
        en=(
            "the ledger is larger than {limit}, not one this tool writes; this run neither uses nor writes it. Fix: "
            "check that '--ledger' names the ledger (by default so-theo-doi.jsonl beside the roster)."
        ),
    ),
    Message(
        "ledger_unreadable",
        when="The ledger exists but cannot be opened (a folder, a symlink, no permission); it is neither used nor written.",
        vi=(
            "không mở được sổ theo dõi ({problem}); lần chạy này không dùng và không ghi sổ. Cách sửa: sổ phải là một "
            "tệp thường (không phải thư mục hay liên kết), đọc và ghi được."
        ),
        en=(
            "cannot open the ledger ({problem}); this run neither uses nor writes it. Fix: the ledger must be a plain "
            "file (not a folder or a link) that can be read and written."
        ),
    ),
    Message(
        "ledger_unwritable",
        when="The ledger could not be written after the run; what this run saw is not remembered.",
        vi=(
            "không ghi được sổ theo dõi ({problem}): những bài vừa thấy sẽ không được nhớ cho lần sau. Cách sửa: kiểm "
            "tra thư mục chứa sổ còn chỗ trống và ghi được."
        ),
        en=(
            "cannot write the ledger ({problem}): the posts seen in this run will not be remembered. Fix: check that "
            "its folder has space and can be written."
        ),
    ),
    # --- the district monitor: its findings
    Message(
        "district_missing_quarter",
        when="A school's due quarter ended without a post, as its source proves.",
        vi=(
            "{name} chưa có bài tuyên truyền bình đẳng giới nào trong {quarter}. Cách sửa: nhắc trường đăng bài bổ sung "
            "cho quý này."
        ),
        en="{name} published no gender-equality post in {quarter}. Fix: remind the school to publish one for it.",
    ),
    Message(
        "district_unknown_quarter",
        when="A school's quarter is older than its feed reaches: no post seen, none proven missing.",
        vi=(
            "chưa rõ {name} có bài trong {quarter} không: RSS của trường chỉ chứa các bài mới nhất (bài cũ nhất thuộc "
            "{oldest}). Cách sửa: xem trực tiếp trên trang của trường, hoặc nhờ trường dùng công cụ chuyên mục này (có "
            "theo-doi.json)."
        ),
        en=(
            "unknown whether {name} published in {quarter}: its feed holds only the latest posts (the oldest is from "
            "{oldest}). Fix: look at the school's site, or have it use this column tool (with theo-doi.json)."
        ),
    ),
)
