// Search: Pagefind's chunked index (fed each post page by gecolumn/mkdocs_hook.py during the build) in Material's
// search box, results in Material's list. Nothing is fetched until the reader focuses the box;
// then pagefind.js loads only the few index chunks a query needs. A column of more than 2,000
// posts has more indexes (data-column-pagefind-merge): Pagefind merges them into the first and
// ranks their results together. Queries are composed (NFC): some phone keyboards and editors
// produce decomposed Vietnamese (NFD).
// The feeds and theo-doi.json are announced in <head> as <link rel="alternate"> for feed readers
// and district monitors. Material takes every such link for another language of the site and
// fetches a sitemap.xml beside each one as the page loads (setupAlternate, on DOMContentLoaded):
// 2-3 downloads of the whole site's list per page view, or a 404 beside a unit's feed. Its
// bundle runs before this deferred script, so its DOMContentLoaded listener runs before ours:
// the links are hidden from it while it looks, and are back as written as soon as it has. A
// language version (a link with hreflang, Material's own use) is left to it.
(function () {
  var links = document.querySelectorAll("link[rel=alternate]:not([hreflang])")
  if (!links.length) return
  links.forEach(function (link) { link.rel = "column-alternate" })
  document.addEventListener("DOMContentLoaded", function () {
    links.forEach(function (link) { link.rel = "alternate" })
  }, { once: true })
})();

(function () {
  var form = document.querySelector("form[data-column-pagefind]")
  if (!form) return
  var input = form.querySelector("input.md-search__input")
  var list = document.querySelector(".md-search-result__list")
  var meta = document.querySelector(".md-search-result__meta")
  var toggle = document.getElementById("__search")
  var script = new URL(form.getAttribute("data-column-pagefind"), location.href).href
  var merged = (form.getAttribute("data-column-pagefind-merge") || "").split(" ").filter(Boolean).map(function (folder) {
    return new URL(folder, location.href).href
  })
  var PAGE = 10  // results shown at a time: each costs one fragment download
  var WORDS = 24  // words in a snippet
  var options = { excerptLength: WORDS }
  var loading = null
  var shown = { query: null, results: [], next: 0 }
  var more = document.createElement("button")
  more.type = "button"
  more.className = "md-button column-search__more"
  more.hidden = true
  more.textContent = "Xem thêm kết quả"
  list.after(more)
  function load() {
    loading = loading || import(script).then(function (pagefind) {
      return pagefind.options(options).then(function () {
        pagefind.init()
        // Each merged index takes its options apart from the first's.
        return Promise.all(merged.map(function (folder) { return pagefind.mergeIndex(folder, options) }))
      }).then(function () { return pagefind })
    })
    return loading
  }
  // A word as search compares it: lower case, without marks, đ as d, no punctuation around it.
  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
  }
  // The snippet of a result, from the words a reader sees on the post only. The post's folded
  // words (hidden, for `dang` to find `đẳng`) come last, after the element Pagefind reports
  // as the anchor "column-search-words": a word matched there marks the visible words it folds.
  function snippet(data) {
    var words = data.content.split(/\s+/)
    var hidden = (data.anchors || []).filter(function (anchor) { return anchor.id === "column-search-words" }).pop()
    var visible = hidden ? Math.min(hidden.location, words.length) : words.length
    var marked = {}
    var folded = {}
    ;(data.locations || []).forEach(function (at) {
      if (at < visible) marked[at] = true
      else if (at < words.length) folded[fold(words[at])] = true
    })
    for (var at = 0; at < visible; at++) if (!marked[at] && folded[fold(words[at])]) marked[at] = true
    // The window of WORDS words holding the most marked words, the earliest of equals.
    var places = Object.keys(marked).map(Number).sort(function (a, b) { return a - b })
    var best = 0, bestCount = 0
    for (var first = 0, last = 0; first < places.length; first++) {
      var start = Math.max(0, Math.min(places[first] - 2, visible - WORDS))
      while (last < places.length && places[last] < start + WORDS) last++
      if (last - first > bestCount) { best = start; bestCount = last - first }
    }
    var excerpt = document.createElement("p")
    excerpt.className = "column-search__excerpt"
    var end = Math.min(visible, best + WORDS)
    if (best > 0) excerpt.append("… ")
    for (var i = best; i < end; i++) {
      if (i > best) excerpt.append(" ")
      if (marked[i]) excerpt.appendChild(document.createElement("mark")).textContent = words[i]
      else excerpt.append(words[i])
    }
    if (end < visible) excerpt.append(" …")
    return excerpt
  }
  function item(data) {
    var item = document.createElement("li")
    item.className = "md-search-result__item"
    var link = item.appendChild(document.createElement("a"))
    link.href = data.url
    link.className = "md-search-result__link"
    var article = link.appendChild(document.createElement("article"))
    article.className = "md-search-result__article md-typeset"
    article.appendChild(document.createElement("h1")).textContent = data.meta.title || ""
    var about = article.appendChild(document.createElement("p"))
    about.className = "column-search__meta"
    about.textContent = [data.meta.date, data.meta.unit].filter(Boolean).join(" · ")
    article.appendChild(snippet(data))
    return item
  }
  // The next PAGE results of the search shown, after those already in the list.
  function showMore() {
    var query = shown.query, page = shown.results.slice(shown.next, shown.next + PAGE)
    shown.next += page.length
    more.hidden = true
    return Promise.all(page.map(function (result) { return result.data() })).then(function (found) {
      if (shown.query !== query) return
      list.append.apply(list, found.map(item))
      var left = shown.results.length - shown.next
      more.textContent = "Xem thêm " + Math.min(left, PAGE) + " kết quả (còn " + left + ")"
      more.hidden = left <= 0
    })
  }
  function show(query, results) {
    shown = { query: query, results: results, next: 0 }
    list.replaceChildren()
    // Every post that matches is counted, and the button below the list reaches each of them.
    meta.textContent = results.length ? results.length + " kết quả" : "Không tìm thấy bài viết nào"
    return showMore()
  }
  function run() {
    var query = input.value.normalize("NFC")
    if (query !== input.value) input.value = query
    if (!query.trim()) {
      shown = { query: null, results: [], next: 0 }
      list.replaceChildren()
      more.hidden = true
      meta.textContent = "Nhập từ khóa để tìm bài viết"
      return
    }
    load().then(function (pagefind) { return pagefind.debouncedSearch(query, {}, 100) }).then(function (search) {
      if (search === null || input.value.normalize("NFC") !== query) return null
      return show(query, search.results)
    }).catch(function (error) {
      meta.textContent = "Không tải được chỉ mục tìm kiếm"
      console.warn("Pagefind:", error)
    })
  }
  more.addEventListener("click", function () {
    var next = shown.next
    showMore().then(function () {  // the first new result takes the focus, where the reader reads on
      var first = list.children[next]
      if (first) first.querySelector("a").focus()
    })
  })
  // Material's own search script is not started (it would load its search worker): opening,
  // closing and the keyboard are done here. The header's button is a label of the toggle.
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) { input.focus(); load() }
    })
    input.addEventListener("focus", function () { if (!toggle.checked) toggle.checked = true })
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur() }
      else if (event.key === "/" && !toggle.checked && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) {
        event.preventDefault()
        toggle.checked = true
        input.focus()
      }
    })
  }
  input.addEventListener("focus", load)
  input.addEventListener("input", run)
  form.addEventListener("submit", function (event) { event.preventDefault() })
  form.addEventListener("reset", function () { setTimeout(run, 0) })
  // The 404 page's search box sends the reader to the home page with ?q=: open the search there.
  var given = new URLSearchParams(location.search).get("q")
  if (given) {
    if (toggle && !toggle.checked) toggle.click()
    input.value = given
    run()
  }
})()

// The share row's "Sao chép liên kết" button: the post's address into the clipboard. Where
// the browser refuses (a portal served over http://, an old phone), the address is shown for
// the reader to copy by hand. The button is hidden in the page until this script runs.
document.querySelectorAll("[data-column-copy]").forEach(function (button) {
  var message = button.closest(".column-share").querySelector(".column-share__message")
  var url = button.getAttribute("data-column-copy") || location.href.split("#")[0]
  function copied() { message.textContent = "Đã sao chép liên kết vào bộ nhớ tạm." }
  function byHand() { message.textContent = "Hãy sao chép liên kết này: " + url }
  function oldWay() {
    var field = document.createElement("textarea")
    field.value = url
    field.setAttribute("readonly", "")
    field.style.position = "fixed"
    field.style.opacity = "0"
    document.body.appendChild(field)
    field.select()
    var done = false
    try { done = document.execCommand("copy") } catch (error) { done = false }
    document.body.removeChild(field)
    done ? copied() : byHand()
  }
  button.closest("li").hidden = false
  button.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(copied, oldWay)
    else oldWay()
  })
})

// The share row's "Chia sẻ…" button: the phone's own share sheet (Zalo, Messenger, SMS…), where
// the browser has one; hidden elsewhere, where the links after it do the work. A reader who
// closes the sheet has chosen not to share: nothing is said.
if (navigator.share) document.querySelectorAll("[data-column-share]").forEach(function (button) {
  var url = button.getAttribute("data-column-share") || location.href.split("#")[0]
  var title = button.getAttribute("data-column-share-title") || document.title
  button.closest("li").hidden = false
  button.addEventListener("click", function () {
    navigator.share({ title: title, url: url }).catch(function () {})
  })
})
