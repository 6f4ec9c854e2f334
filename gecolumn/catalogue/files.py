"""Messages about the other files under ``posts/``: photos, attachments, refused kinds of file."""

from gecolumn.catalogue.entry import Choice, Message

CARRIED = Choice(
    "carried",
    {
        "location": ("vị trí GPS", "GPS position"),
        "serial": ("số sê-ri máy ảnh", "camera serial number"),
        "xmp": ("khối XMP hỏng, có thể chứa vị trí", "malformed XMP packet that may hold a position"),
        "": ("thông tin kèm ảnh", "the metadata"),
    },
)
"""What a photo carries (:class:`gecolumn.photo_privacy.Carried` values), in words."""

UNREADABLE = Choice(
    "problem",
    {
        "too_big": ("quá {limit}", "over {limit}"),
        "too_many_parts": ("quá {limit} phần", "over {limit} parts"),
        "inflated": ("giải nén ra quá {limit}", "over {limit} inflated"),
        "nested": ("lồng quá {limit} lớp", "nested over {limit} levels"),
        "not_image": ("không phải ảnh: {found}", "not an image: {found}"),
        "other_format": (
            "tệp {found}, không phải JPEG, PNG, WebP, GIF, AVIF hay HEIC",
            "a {found} file, not JPEG, PNG, WebP, GIF, AVIF or HEIC",
        ),
        "empty": ("tệp rỗng", "empty file"),
        "text_chunk": ("khối chữ quá {limit}", "text chunk over {limit}"),
        "zip_bomb": ("tệp nén bất thường, giải nén ra {size}", "zip bomb, {size} unpacked"),
        "encrypted_pdf": ("PDF có mật khẩu", "encrypted PDF"),
        "pdf_streams": ("quá {limit} luồng PDF", "over {limit} PDF streams"),
        "pdf_filter": ("luồng PDF nén bằng {filter}, không đọc được", "PDF stream compressed with {filter}, not read"),
        "pdf_stream_size": ("luồng PDF giải nén ra quá {limit}", "PDF stream over {limit} inflated"),
        "mp4_boxes": ("quá nhiều hộp MP4", "too many MP4 boxes"),
        "mp4_box": ("hộp MP4 hỏng", "bad MP4 box"),
        "truncated": ("tệp bị cắt cụt", "truncated"),
        "jpeg_segment": ("đoạn JPEG hỏng", "bad JPEG segment"),
        "jpeg_segments": ("quá nhiều đoạn JPEG", "too many JPEG segments"),
        "png_chunk": ("khối PNG hỏng", "bad PNG chunk"),
        "png_chunks": ("quá nhiều khối PNG", "too many PNG chunks"),
        "webp_chunk": ("khối WebP hỏng", "bad WebP chunk"),
        "webp_chunks": ("quá nhiều khối WebP", "too many WebP chunks"),
        "exif": ("EXIF hỏng", "malformed EXIF"),
        "no_image_data": ("ảnh không có dữ liệu", "no image data"),
        "symlink": ("liên kết tượng trưng", "symlink"),
        "not_regular": ("không phải tệp thông thường", "not a regular file"),
        "pixels": ("quá lớn: {pixels} điểm ảnh", "too large: {pixels} pixels"),
        "bomb": ("số điểm ảnh khai báo quá lớn", "declares far too many pixels"),
    },
)
"""Why a photo or an attachment cannot be read (:class:`gecolumn.photo_privacy.PhotoUnreadable` reasons), in words;
a reason with no key here is a library's own text, shown as it is."""

MESSAGES = (
    # --- photos, when the site is built
    Message(
        "image_unreadable",
        when="A file named like a photo that is not one, or is truncated.",
        vi=(
            "tệp có đuôi ảnh nhưng không đọc được như một ảnh ({inside_text}{problem}) nên không được đăng. Cách sửa: mở ảnh trên "
            "máy và lưu lại dưới dạng JPEG (.jpg); nếu là ảnh HEIC từ iPhone, chuyển sang JPEG trước khi gửi."
        ),
        en=(
            "the file is named like a photo but cannot be read as one ({inside_text}{problem}), so it is not published. Fix: open it "
            "and save it again as JPEG (.jpg); convert an iPhone HEIC photo to JPEG first."
        ),
        choices={"problem": UNREADABLE},
    ),
    Message(
        "image_too_large",
        when="A photo over 40 megapixels: surely a mistake, refused rather than stalling the build.",
        vi=(
            "ảnh quá lớn ({pixels} điểm ảnh, tối đa {limit} megapixel) nên không được đăng. Cách sửa: thu nhỏ ảnh (ví "
            "dụ rộng 2000 điểm ảnh) rồi lưu lại."
        ),
        en=(
            "the photo is too large ({pixels} pixels, at most {limit} megapixels), so it is not published. Fix: resize "
            "it (e.g. 2000 pixels wide) and save it again."
        ),
    ),
    Message(
        "image_cache_tracked",
        when="The photo cache folder is committed: anyone could have written it, so the build does not use it.",
        vi=(
            "thư mục ảnh tạm '.cache/gecolumn-images' đã được đưa vào kho git, nên ai cũng có thể đã sửa nó; lần dựng "
            "này không dùng nó mà làm lại mọi ảnh. Cách sửa: chạy 'git rm -r --cached .cache' rồi commit, và giữ dòng "
            "'.cache/' trong tệp .gitignore."
        ),
        en=(
            "the photo cache '.cache/gecolumn-images' is committed to git, so anyone may have written it; this build "
            "ignores it and makes every photo again. Fix: run 'git rm -r --cached .cache', commit, and keep '.cache/' "
            "in .gitignore."
        ),
    ),
    Message(
        "asset_name_clash",
        when="Two files would be published under one name (``anh.heic`` and ``anh.jpg`` both as ``anh.jpg``).",
        vi=(
            "tệp này và {other} sẽ được đăng cùng một tên '{name}' (ví dụ 'anh.heic' và 'anh.jpg' đều thành 'anh.jpg') "
            "nên cả hai không được đăng. Cách sửa: đổi tên một trong hai tệp và sửa liên kết trong bài."
        ),
        en=(
            "this file and {other} would both be published as '{name}' (e.g. 'photo.heic' and 'photo.jpg' both become "
            "'photo.jpg'), so neither is published. Fix: rename one of them and its links."
        ),
    ),
    Message(
        "photo_has_location",
        when="A photo in the repository carries a GPS position or a camera serial number (the published copy does not).",
        vi=(
            "ảnh mang {carried} trong phần thông tin kèm ảnh (EXIF/XMP). Trang web đã xoá khi đăng, nhưng kho mã "
            "công khai vẫn giữ tệp gốc cho bất kỳ ai tải về: lộ vị trí của trường và chiếc điện thoại đã chụp. Cách "
            "sửa: chạy 'python -m gecolumn photos --strip {file}' (ảnh giữ nguyên, chỉ xoá thông tin kèm theo) rồi lưu "
            "lại vào kho."
        ),
        en=(
            "the photo carries a {carried} in its metadata (EXIF/XMP). The site removes it, but the public "
            "repository serves the original to anyone: the school's position and the phone that took it. Fix: run "
            "'python -m gecolumn photos --strip {file}' (the pixels stay, only the metadata goes) and commit it."
        ),
        choices={"carried": CARRIED},
    ),
    Message(
        "attachment_has_location",
        when=(
            "An attachment (an Office/OpenDocument file, a PDF, an MP4/MOV recording, whatever its name) holds photos or "
            "boxes that carry a GPS position or a camera serial number."
        ),
        vi=(
            "tệp đính kèm mang {carried} ({parts}); tệp đính kèm được đăng nguyên vẹn nên ai tải về cũng đọc được. "
            "Cách sửa: {fix}"
        ),
        en=(
            "the attachment carries a {carried} ({parts}); attachments are published as they are, so anyone who "
            "downloads it can read that. Fix: {fix}"
        ),
        choices={
            "carried": CARRIED,
            "fix": Choice(
                "fix",
                {
                    "strip": (
                        "chạy 'python -m gecolumn photos --strip {file}' rồi lưu lại vào kho.",
                        "run 'python -m gecolumn photos --strip {file}' and commit it.",
                    ),
                    "export": (
                        "xuất lại tệp mà không kèm vị trí (PDF: chèn ảnh đã xoá vị trí rồi lưu lại thành PDF, hoặc "
                        "in ra PDF; video: tắt 'lưu vị trí' trong máy quay rồi quay lại, hoặc xuất lại bằng phần mềm "
                        "biên tập video với tuỳ chọn bỏ thông tin vị trí), thay tệp cũ rồi chạy lại kiểm tra.",
                        "export it again without the location (a PDF: insert photos already stripped and save as PDF "
                        "again, or print to PDF; a video: export it again from a video editor with location data off, "
                        "or record with location off), replace the old file and re-run the check.",
                    ),
                },
            ),
        },
    ),
    Message(
        "attachment_unchecked",
        when="An attachment that could not be looked into (a damaged or oversized zip, an encrypted PDF, a broken recording).",
        vi="không xem được bên trong tệp đính kèm ({inside_text}{problem}) nên chưa biết tệp có mang vị trí GPS hay không. Cách sửa: {fix}",
        en=(
            "this attachment could not be looked into ({inside_text}{problem}), so it is unknown whether it carries a GPS position. Fix: {fix}"
        ),
        choices={
            "problem": UNREADABLE,
            "fix": Choice(
                "fix",
                {
                    "office": (
                        "mở tệp bằng Word/PowerPoint/Excel, lưu lại, rồi chạy lại kiểm tra.",
                        "open it in Word/PowerPoint/Excel, save it again and re-run the check.",
                    ),
                    "export": (
                        "xuất lại tệp (PDF không đặt mật khẩu; video xuất lại bằng phần mềm biên tập, không kèm vị "
                        "trí), rồi chạy lại kiểm tra.",
                        "export it again (a PDF without a password; a video from a video editor, without location "
                        "data) and re-run the check.",
                    ),
                },
            ),
        },
    ),
    Message(
        "photo_strip_refused",
        when="``photos --strip`` cannot remove a HEIC, AVIF, GIF or TIFF photo's metadata without re-encoding it: left as it is.",
        vi=(
            "không xoá được thông tin kèm ảnh {format} mà không làm giảm chất lượng ảnh, nên tệp được giữ nguyên. Cách "
            "sửa: mở ảnh trên máy, lưu thành JPEG (.jpg), sửa tên ảnh trong bài cho khớp, xoá tệp cũ, rồi chạy lại "
            "lệnh."
        ),
        en=(
            "the metadata of a {format} photo cannot be removed without re-encoding it, so the file is left as it is. "
            "Fix: save it as JPEG (.jpg), change its name in the post, delete the old file and run the command again."
        ),
    ),
    Message(
        "photo_stripped",
        when="``photos --strip`` removed a photo's metadata (INFO): what it held and what was taken out.",
        vi="đã xoá {carried} ({removed}); dữ liệu ảnh giữ nguyên từng byte{kept}.",
        en="removed {carried} ({removed}); the image data is kept byte for byte{kept}.",
        choices={
            "carried": CARRIED,
            "removed": Choice(
                "removed",
                {"trailer": ("trailer (ảnh phụ/video sau ảnh chính)", "trailer (an extra image or video after the photo)")},
            ),
            "kept": Choice(
                "kept",
                {
                    "orientation": (
                        "; giữ lại hướng xoay để ảnh vẫn đứng đúng chiều",
                        "; its orientation is kept so it still stands upright",
                    ),
                    "": ("", ""),
                },
            ),
        },
    ),
    Message(
        "search_index_failed",
        when="Pagefind could not be run or gave no usable index: the site is built, its search finds nothing.",
        vi=(
            "không tạo được chỉ mục tìm kiếm ({reason}) nên ô tìm kiếm của trang sẽ không tìm thấy bài nào; các trang "
            "vẫn được dựng. Cách sửa: cài lại công cụ ('py -m pip install -r requirements.txt', hoặc 'py scripts/dev.py "
            "site' trong kho mẫu) rồi dựng lại; nếu vẫn lỗi, gửi dòng này cho người quản trị."
        ),
        en=(
            "Pagefind could not index the site, so search will find nothing ({reason}); the pages are built. Fix: "
            "reinstall ('py -m pip install -r requirements.txt', or 'py scripts/dev.py site' in the template "
            "repository) and build again; if it persists, send this line to the maintainer."
        ),
    ),
    # --- other files under posts/
    Message(
        "symlink_refused",
        when="A symlink: never followed, it could publish a file from outside the repository.",
        vi=(
            "đây là một liên kết tượng trưng (symlink) nên không được đăng: nó có thể trỏ tới tệp ngoài kho (mật khẩu, "
            "biến môi trường). Cách sửa: xoá liên kết và chép tệp thật vào thư mục này."
        ),
        en=(
            "this is a symbolic link and is never published: it could point outside the repository (passwords, the "
            "build's environment). Fix: remove the link and copy the real file here."
        ),
    ),
    Message(
        "not_regular_file",
        when="A pipe, a device or a socket.",
        vi="đây không phải một tệp thông thường (ống dẫn, thiết bị…) nên bị bỏ qua. Cách sửa: xoá nó khỏi thư mục posts/.",
        en="this is not a regular file (a pipe, a device…) and is skipped. Fix: remove it from posts/.",
    ),
    Message(
        "unreadable_file",
        when="The file cannot be opened.",
        vi="không đọc được tệp ({problem}). Cách sửa: kiểm tra quyền đọc của tệp rồi chạy lại.",
        en="the file cannot be read ({problem}). Fix: check its permissions and run again.",
    ),
    Message(
        "file_too_large",
        when="A post over 1 MB or an asset over 25 MB.",
        vi=(
            "tệp quá lớn ({size}, tối đa {limit}) nên không được đăng. Cách sửa: với ảnh, thu nhỏ hoặc nén lại; với bài "
            "viết, tách thành nhiều bài hoặc bỏ phần dán nhầm."
        ),
        en=(
            "the file is too large ({size}, at most {limit}) and is not published. Fix: shrink a photo; split a post or "
            "remove what was pasted by mistake."
        ),
    ),
    Message(
        "too_many_files",
        when="More files than any column holds.",
        vi=(
            "thư mục có quá nhiều tệp (hơn {limit}); các tệp sau giới hạn không được đọc. Cách sửa: chuyển các tệp "
            "không phải bài viết hoặc ảnh ra khỏi thư mục posts/."
        ),
        en=(
            "the folder holds more than {limit} files; those past the limit are not read. Fix: move everything that is "
            "not a post or a photo out of posts/."
        ),
    ),
    Message(
        "too_deep",
        when="Folders nest deeper than a column's.",
        vi="thư mục lồng quá sâu (quá {limit} cấp) nên không được đọc. Cách sửa: xếp bài theo năm, ví dụ posts/2024/.",
        en="folders nest more than {limit} levels deep and are not read. Fix: keep posts by year, e.g. posts/2024/.",
    ),
    Message(
        "asset_backup",
        when="An editor's backup file, not published.",
        vi=(
            "tệp sao lưu của trình soạn thảo ({suffix}) không được đăng. Cách sửa: xoá tệp này; nếu đây là bài viết, "
            "đổi đuôi thành .md."
        ),
        en="an editor's backup file ({suffix}) is not published. Fix: delete it; if it is a post, rename it to .md.",
    ),
    Message(
        "asset_post_as_text",
        when="A post saved as ``.md.txt``, not published.",
        vi=(
            "tệp có vẻ là bài viết nhưng được lưu với đuôi .txt nên không được đăng. Cách sửa: đổi tên, bỏ đuôi .txt để "
            "tệp kết thúc bằng .md."
        ),
        en="this looks like a post saved as .txt, so it is not published. Fix: rename it to end in .md.",
    ),
    Message(
        "asset_script",
        when="A file type that can carry script (``.html``, ``.svg``, ``.js``), not published.",
        vi=(
            "tệp loại {suffix} có thể chứa mã chạy trên máy người đọc nên không được đăng. Cách sửa: với hình vẽ .svg, "
            "xuất ra ảnh .png; với trang .html, chép nội dung vào một bài .md."
        ),
        en=(
            "{suffix} files can carry script that runs in a reader's browser, so they are not published. Fix: export an "
            ".svg drawing as .png; copy an .html page's text into a .md post."
        ),
    ),
    Message(
        "asset_other_type",
        when="A file type a column does not publish.",
        vi=(
            "chuyên mục không đăng tệp loại '{suffix}'. Cách sửa: dùng ảnh (.jpg, .png, .webp), tài liệu (.pdf, .docx, "
            ".xlsx, .pptx) hoặc âm thanh, video (.mp3, .mp4), hoặc xoá tệp này."
        ),
        en=(
            "a column does not publish '{suffix}' files. Fix: use photos (.jpg, .png, .webp), documents (.pdf, .docx, "
            ".xlsx, .pptx) or recordings (.mp3, .mp4), or delete the file."
        ),
    ),
    Message(
        "asset_case_clash",
        when="Two names differing only in case: one file on Windows and macOS.",
        vi=(
            "tên tệp chỉ khác {other} ở chữ hoa, chữ thường; trên Windows và macOS đó là cùng một tệp nên tệp này không "
            "được đăng. Cách sửa: đổi tên một trong hai tệp."
        ),
        en=(
            "this name differs from {other} only in case, which is one file on Windows and macOS, so it is not "
            "published. Fix: rename one of them."
        ),
    ),
)
