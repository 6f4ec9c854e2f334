"""Messages of ``new-post --from``: a Word document refused, and what did not come along."""

from gecolumn.catalogue.entry import Choice, Message

MESSAGES = (
    # --- importing a Word document (new-post --from): refused files
    Message(
        "docx_old_format",
        when="The file is Word 97–2003 (.doc), RTF or OpenDocument, not .docx.",
        vi=(
            "tệp này là định dạng {format}, không phải .docx. Cách sửa: Lưu lại dưới dạng .docx: mở tệp bằng Word (hoặc "
            "LibreOffice), chọn Tệp > Lưu thành… (Save As), chọn kiểu 'Word Document (*.docx)', rồi chạy lại lệnh với "
            "tệp mới."
        ),
        en=(
            "this file is {format}, not .docx. Fix: save it as .docx: open it in Word (or LibreOffice), File > Save "
            "As…, type 'Word Document (*.docx)', and run the command again with the new file."
        ),
    ),
    Message(
        "docx_pdf",
        when="The file is a PDF, not a Word document.",
        vi=(
            "tệp này là PDF, không phải tệp Word. Cách sửa: xin tệp Word gốc (.docx) của bài; nếu chỉ có PDF, mở nó "
            "bằng Word (Word chuyển được PDF), kiểm tra lại chữ và ảnh, rồi Lưu lại dưới dạng .docx."
        ),
        en=(
            "this file is a PDF, not a Word document. Fix: ask for the original .docx; if there is only the PDF, open "
            "it in Word (which converts PDFs), check the text and photos, and save it as .docx."
        ),
    ),
    Message(
        "docx_encrypted",
        when="The .docx is protected by a password, so it cannot be read.",
        vi=(
            "tệp Word này có mật khẩu nên không đọc được. Cách sửa: mở bằng Word, vào Tệp > Thông tin > Bảo vệ tài liệu "
            "> Mã hoá bằng mật khẩu, xoá mật khẩu, lưu lại rồi chạy lại lệnh."
        ),
        en=(
            "this Word file is protected by a password and cannot be read. Fix: open it in Word, File > Info > Protect "
            "Document > Encrypt with Password, clear the password, save, and run the command again."
        ),
    ),
    Message(
        "docx_corrupt",
        when="The file is damaged or is not a Word document at all.",
        vi=(
            "tệp bị hỏng hoặc không phải văn bản Word ({problem}). Cách sửa: mở tệp bằng Word; nếu mở được, Lưu lại "
            "dưới dạng .docx với tên mới; nếu không, xin lại tệp từ người viết."
        ),
        en=(
            "the file is damaged or not a Word document ({problem}). Fix: open it in Word; if it opens, save it again "
            "as .docx under a new name; if not, ask the author for the file again."
        ),
        choices={
            "problem": Choice(
                "problem",
                {
                    "no_document": (
                        "không có phần word/document.xml: tệp nén khác, không phải văn bản Word",
                        "no word/document.xml part: another kind of zip, not a Word document",
                    )
                },
            )
        },
    ),
    Message(
        "docx_zip_bomb",
        when="The .docx would unpack to far more than any document (a zip bomb): refused before unpacking.",
        vi=(
            "tệp .docx này bất thường: khi giải nén sẽ thành {size} trong {parts} phần, có phần nén tới {ratio} lần "
            "(giới hạn {limit_size}, {limit_parts} phần, {limit_ratio} lần). Đây có thể là 'bom nén' làm treo máy nên "
            "tệp không được mở. Cách sửa: nếu tệp của người quen, mở bằng Word và Lưu lại dưới dạng .docx mới; nếu "
            "không rõ nguồn gốc, xoá tệp."
        ),
        en=(
            "this .docx is abnormal: it would unpack to {size} in {parts} parts, one compressed {ratio} times (limits "
            "{limit_size}, {limit_parts} parts, {limit_ratio} times). It may be a zip bomb meant to hang the machine, "
            "so it is not opened. Fix: if it comes from someone you know, open it in Word and save it as a new .docx; "
            "otherwise delete it."
        ),
    ),
    Message(
        "docx_too_large",
        when="The .docx is larger than a post with its photos can be.",
        vi=(
            "tệp Word quá lớn ({size}, tối đa {limit}). Cách sửa: trong Word chọn một ảnh, vào Định dạng ảnh > Nén ảnh "
            "(Compress Pictures), chọn 'Web (150 ppi)' cho mọi ảnh, xoá video nếu có, lưu lại rồi chạy lại lệnh."
        ),
        en=(
            "the Word file is too large ({size}, at most {limit}). Fix: in Word select a picture, Picture Format > "
            "Compress Pictures, choose 'Web (150 ppi)' for all pictures, remove any video, save, and run again."
        ),
    ),
    Message(
        "docx_doctype",
        when=(
            "A part of the .docx declares a DTD (``<!DOCTYPE``): Word never writes one, and its entities can expand to gigabytes."
        ),
        vi=(
            "tệp .docx này có phần {part} chứa khai báo DTD (<!DOCTYPE hoặc <!ENTITY): Word không bao giờ ghi như vậy, "
            "và khai báo này có thể nở ra hàng gigabyte chữ làm treo máy, nên tệp không được mở. Cách sửa: nếu tệp của "
            "người quen, mở bằng Word, chọn Tệp > Lưu thành… (Save As), kiểu 'Word Document (*.docx)', lưu với tên mới "
            "rồi chạy lại lệnh với tệp mới; nếu không rõ nguồn gốc, xoá tệp."
        ),
        en=(
            "the part {part} of this .docx declares a DTD (<!DOCTYPE or <!ENTITY): Word never writes one, and it can "
            "expand to gigabytes of text and hang the machine, so the file is not opened. Fix: if it comes from someone "
            "you know, open it in Word, File > Save As…, type 'Word Document (*.docx)', save under a new name and run "
            "the command again with the new file; otherwise delete it."
        ),
    ),
    Message(
        "docx_too_long",
        when="The text converted from the .docx is longer than a post can be (1 MB).",
        vi=(
            "chữ chuyển từ tệp Word dài {size}, quá giới hạn một bài ({limit}). Cách sửa: một bài của chuyên mục chỉ "
            "vài trang; tách tài liệu thành nhiều bài (mỗi bài một tệp Word), hoặc đặt tài liệu dài cạnh bài dưới dạng "
            ".pdf và liên kết tới nó."
        ),
        en=(
            "the text converted from the Word file is {size}, over the limit for a post ({limit}). Fix: a column post "
            "is a few pages; split the document into several posts (one Word file each), or put the long document next "
            "to the post as a .pdf and link to it."
        ),
    ),
    Message(
        "docx_paragraph_too_long",
        when="A paragraph of the .docx is longer than a post's paragraph may be (24,000 characters).",
        vi=(
            "đoạn thứ {paragraph} của tệp Word (bắt đầu bằng “{words}…”) dài {length} ký tự, quá giới hạn một đoạn "
            "({limit}): bài sẽ không được đăng, nên chưa tạo bài nào. Cách sửa: mở tệp trong Word, tách đoạn đó "
            "thành nhiều đoạn ngắn (nhấn Enter giữa các ý), lưu lại rồi chạy lại lệnh."
        ),
        en=(
            "paragraph {paragraph} of the Word file (starting “{words}…”) is {length} characters long, over the limit "
            "for a paragraph ({limit}): the post would not be published, so none was written. Fix: open the file in "
            "Word, split that paragraph into shorter ones (press Enter between ideas), save it and run the command again."
        ),
    ),
    # --- importing a Word document: what did not come along (INFO)
    Message(
        "docx_dropped_style",
        when="A Word style the column does not know: its text is kept, its look is not.",
        vi=(
            "kiểu định dạng '{style}' trong tệp Word không được chuyển: chữ vẫn giữ nguyên, chỉ mất màu, cỡ chữ của "
            "kiểu đó. Cách sửa: xem lại đoạn đó trong bài; nếu là tiêu đề mục, dùng kiểu Heading 2 hoặc Heading 3 trong "
            "Word."
        ),
        en=(
            "the Word style '{style}' is not carried over: the text is kept, its colour and size are not. Fix: look at "
            "that passage; for a section heading use Heading 2 or Heading 3 in Word."
        ),
    ),
    Message(
        "docx_dropped_equation",
        when="An equation (Word's equation editor) is left out.",
        vi=(
            "{count} công thức toán (Equation) trong tệp Word không được chuyển vào bài. Cách sửa: viết công thức bằng "
            "chữ thường (ví dụ 'số bé trai / số bé gái × 100') hoặc chụp ảnh công thức và chèn như một ảnh."
        ),
        en="{count} equation(s) are not carried over. Fix: write the formula as plain text, or insert a picture of it.",
    ),
    Message(
        "docx_dropped_chart",
        when="A chart is left out.",
        vi=(
            "{count} biểu đồ (Chart) trong tệp Word không được chuyển vào bài. Cách sửa: trong Word bấm chuột phải vào "
            "biểu đồ > Lưu thành ảnh (Save as Picture…) dạng PNG, đặt ảnh cạnh bài và chèn ![mô tả biểu "
            "đồ](ten-anh.png)."
        ),
        en=(
            "{count} chart(s) are not carried over. Fix: in Word right-click the chart > Save as Picture… (PNG), put it "
            "next to the post and add ![what the chart shows](name.png)."
        ),
    ),
    Message(
        "docx_dropped_smartart",
        when="A SmartArt diagram is left out.",
        vi=(
            "{count} sơ đồ SmartArt trong tệp Word không được chuyển vào bài. Cách sửa: lưu sơ đồ thành ảnh PNG (chuột "
            "phải > Lưu thành ảnh) và chèn vào bài, hoặc viết lại nội dung thành danh sách."
        ),
        en=(
            "{count} SmartArt diagram(s) are not carried over. Fix: save the diagram as a PNG picture and insert it, or "
            "write its content as a list."
        ),
    ),
    Message(
        "docx_dropped_text_box",
        when="A text box whose text Word kept only in a form the converter cannot read is left out.",
        vi=(
            "{count} hộp văn bản (Text Box) trong tệp Word không đọc được nên chữ trong đó không có trong bài. Cách "
            "sửa: chép chữ trong hộp văn bản vào bài (hoặc đưa ra ngoài hộp trong Word rồi nhập lại)."
        ),
        en=(
            "{count} text box(es) could not be read, so their text is not in the post. Fix: copy that text into the "
            "post (or move it out of the box in Word and import again)."
        ),
    ),
    Message(
        "docx_dropped_comment",
        when="Reviewers' comments in the margin are left out.",
        vi=(
            "{count} ghi chú bên lề (Comment) của người góp ý không được đưa vào bài. Nếu có ý nào cần sửa, hãy sửa "
            "trực tiếp trong bài."
        ),
        en="{count} reviewer comment(s) in the margin are not carried over. Apply any change they ask for in the post itself.",
    ),
    Message(
        "docx_dropped_link",
        when="A link that leads nowhere on the web (a file on the author's computer, ``javascript:``) keeps only its text.",
        vi=(
            "liên kết '{url}' (ở chữ '{text}') không dẫn tới trang web nào nên chỉ giữ lại chữ. Cách sửa: nếu cần, thay "
            "bằng địa chỉ https://…; tệp đính kèm thì đặt cạnh bài và liên kết tới tên tệp."
        ),
        en=(
            "the link '{url}' (on '{text}') leads to no web page, so only its text is kept. Fix: use an https:// "
            "address; for an attachment, put the file next to the post and link to its name."
        ),
    ),
    Message(
        "docx_dropped_other",
        when="Something else the converter left out: a symbol character, a break, a field, a table's merged cells.",
        vi=(
            "bộ chuyển đổi bỏ qua {detail} trong tệp Word. Cách sửa: so sánh bài với tệp Word ở chỗ đó và bổ sung phần còn thiếu."
        ),
        en="the converter left out {detail} of the Word file. Fix: compare the post with the Word file there and add what is missing.",
        choices={
            "detail": Choice(
                "detail",
                {
                    "symbol": (
                        "một ký tự đặc biệt (mã {char}, phông {font}; chèn bằng Chèn > Ký hiệu)",
                        "a special character (code {char}, font {font}; inserted with Insert > Symbol)",
                    ),
                    "break": ("một dấu ngắt kiểu '{value}'", "a break of type '{value}'"),
                    "table": (
                        "cách gộp ô của một bảng (các ô gộp có thể bị tách)",
                        "how a table's cells are merged (merged cells may come apart)",
                    ),
                    "field": ("một trường (Field) bị hỏng", "a damaged field"),
                    "element": ("một phần tử Word loại '{element}'", "a Word element of the kind '{element}'"),
                    "unknown": ("một phần không rõ loại", "a part of an unknown kind"),
                },
            )
        },
    ),
    Message(
        "docx_image_unsupported",
        when="A picture in a format browsers do not show (EMF, WMF, TIFF…) is left out.",
        vi=(
            "ảnh thứ {number} ('{alt}', dạng {kind}) không xem được trên trình duyệt nên không được chuyển. Cách sửa: "
            "chèn lại ảnh đó dưới dạng JPEG hoặc PNG trong Word rồi nhập lại, hoặc đặt tệp .jpg cạnh bài và chèn vào."
        ),
        en=(
            "picture {number} ('{alt}', {kind}) is in a format browsers do not show, so it is left out. Fix: insert it "
            "again as JPEG or PNG in Word and import again, or put a .jpg next to the post."
        ),
    ),
    Message(
        "docx_image_not_embedded",
        when="A picture linked to a file instead of inserted into the document is left out.",
        vi=(
            "ảnh '{target}' chỉ được liên kết tới một tệp trên máy người viết, không nằm trong tệp Word, nên không có "
            "trong bài. Cách sửa: trong Word chèn ảnh bằng Chèn > Ảnh (không chọn 'Liên kết tới tệp'), hoặc đặt tệp ảnh "
            "cạnh bài."
        ),
        en=(
            "picture '{target}' is only linked to a file on the author's computer, not inside the Word file, so it is "
            "left out. Fix: insert it with Insert > Pictures (not 'Link to File'), or put the photo next to the post."
        ),
    ),
    Message(
        "docx_image_too_large",
        when="A picture larger than the column publishes is left out.",
        vi=(
            "ảnh thứ {number} ('{alt}') lớn hơn {limit} nên không được chuyển. Cách sửa: trong Word dùng Nén ảnh "
            "(Compress Pictures) rồi nhập lại, hoặc thu nhỏ ảnh và đặt cạnh bài."
        ),
        en=(
            "picture {number} ('{alt}') is larger than {limit}, so it is left out. Fix: use Compress Pictures in Word "
            "and import again, or shrink the photo and put it next to the post."
        ),
    ),
    Message(
        "docx_title_replaced",
        when="``--title`` replaces the title written in the document.",
        vi=(
            "tiêu đề trong tệp Word '{title}' được thay bằng tiêu đề đã nhập '{given}'. Nếu muốn dùng tiêu đề của tệp, "
            "sửa dòng 'title:' của bài."
        ),
        en=(
            "the document's title '{title}' is replaced by the given title '{given}'. To use the document's, edit the "
            "post's 'title:' line."
        ),
    ),
    Message(
        "docx_next_steps",
        when="After a post is made from a Word document: it is a draft, and what its author does before publishing it.",
        vi=(
            "bài được tạo từ tệp Word là bản nháp (draft: true). Việc tiếp theo: 1) kiểm tra tiêu đề (title), "
            "tóm tắt (summary), tác giả (author) và ảnh bìa (image); 2) thêm chủ đề (tags), ví dụ 'tags: [Gia đình, "
            "Luật Bình đẳng giới]'; 3) xem trước bằng 'mkdocs serve' rồi mở http://127.0.0.1:8000; 4) khi bài đã "
            "đúng, xoá dòng 'draft: true' để bài được đăng."
        ),
        en=(
            "the post made from the Word file is a draft (draft: true). Next: 1) check the title, summary, author and "
            "cover image (image); 2) add tags, e.g. 'tags: [Family, Gender Equality Law]'; 3) preview with 'mkdocs "
            "serve' and open http://127.0.0.1:8000; 4) when it is right, remove the line 'draft: true' to publish it."
        ),
    ),
)
