// gecolumn's additions to Decap CMS, which it cannot do by itself:
// 1. the quarter is written from the date when a post is saved (Decap has no computed fields),
//    so staff never type it and the check finds it equal to the date's;
// 2. the page reads the column's day-first dates ("08/03/2024 07:30") day first: Decap files a
//    new post under posts/{{year}}/ from its date, read with the browser's Date, which reads
//    "08/03/2024" as 3 August and "25/03/2024" not at all;
// 3. a photo is turned upright and re-encoded before it is uploaded: what reaches the
//    repository carries no EXIF, GPS position or camera data (photos show pupils).
(function () {
  "use strict";

  var DAY_FIRST = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/;
  var NativeDate = window.Date;

  // The wall time as written, held as UTC: Decap's {{year}}, {{month}}, {{day}} read UTC fields,
  // so a post of 01/01/2025 00:30 (still 2024 in UTC) is filed under 2025, as its quarter is.
  function dayFirst(text) {
    var match = DAY_FIRST.exec(text);
    if (!match) return null;
    return NativeDate.UTC(+match[3], +match[2] - 1, +match[1], +(match[4] || 0), +(match[5] || 0));
  }

  function ColumnDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!(this instanceof ColumnDate)) return NativeDate.apply(undefined, args);
    var time = args.length === 1 && typeof args[0] === "string" ? dayFirst(args[0]) : null;
    if (time !== null) return new NativeDate(time);
    return new (Function.prototype.bind.apply(NativeDate, [null].concat(args)))();
  }
  ColumnDate.prototype = NativeDate.prototype;
  ColumnDate.now = NativeDate.now;
  ColumnDate.UTC = NativeDate.UTC;
  ColumnDate.parse = function (text) {
    var time = typeof text === "string" ? dayFirst(text) : null;
    return time !== null ? time : NativeDate.parse(text);
  };
  window.Date = ColumnDate;

  // "08/03/2024 07:30" (day first, as the editor writes the date) -> "2024-Q1"
  function quarterOf(date) {
    var match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(String(date || ""));
    if (!match) return null;
    return match[3] + "-Q" + (Math.floor((Number(match[2]) - 1) / 3) + 1);
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var quarter = quarterOf(data.get("date"));
      return quarter ? data.set("quarter", quarter) : data;
    },
  });

  var LONGEST_SIDE = 2560; // a phone's 4000 px is more than any reader's screen; the site makes its own sizes
  var PHOTO = /^image\/(jpeg|png|webp)$/;
  var ready = new WeakSet(); // files already made bare

  // Decoding honours the EXIF orientation; drawing on a canvas keeps only the pixels.
  function bare(file) {
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
      var type = file.type === "image/png" ? "image/png" : "image/jpeg";
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) {
          if (!blob) return reject(new Error("encode"));
          var name = file.name.replace(/\.[^.]*$/, "") + (type === "image/png" ? ".png" : ".jpg");
          resolve(new File([blob], name, { type: type, lastModified: file.lastModified }));
        }, type, 0.9);
      });
    });
  }

  // Decap reads the chosen files in its own change handler: this one runs first (capture, on
  // the document), holds the event back, and gives Decap the bare copies in a new one.
  document.addEventListener(
    "change",
    function (event) {
      var input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files) return;
      var files = Array.prototype.slice.call(input.files);
      var raw = files.filter(function (file) { return PHOTO.test(file.type) && !ready.has(file); });
      if (!raw.length) return;
      event.stopImmediatePropagation();
      Promise.all(files.map(function (file) { return raw.indexOf(file) >= 0 ? bare(file) : file; })).then(
        function (bareFiles) {
          var transfer = new DataTransfer();
          bareFiles.forEach(function (file) {
            ready.add(file);
            transfer.items.add(file);
          });
          input.files = transfer.files;
          input.dispatchEvent(new Event("change", { bubbles: true }));
        },
        function () {
          input.value = "";
          window.alert("Không đọc được ảnh này nên ảnh không được tải lên. Hãy mở ảnh trên máy, lưu lại dạng JPEG rồi thử lại.");
        }
      );
    },
    true
  );
})();
