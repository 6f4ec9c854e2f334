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
  var script = new URL(form.getAttribute("data-column-pagefind"), location.href).href
  var merged = (form.getAttribute("data-column-pagefind-merge") || "").split(" ").filter(Boolean).map(function (folder) {
    return new URL(folder, location.href).href
  })
  var options = { excerptLength: 24 }
  var loading = null
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
  function show(results) {
    meta.textContent = results.length ? results.length + " kết quả" : "Không tìm thấy bài viết nào"
    list.replaceChildren.apply(list, results.map(function (data) {
      var item = document.createElement("li")
      item.className = "md-search-result__item"
      var link = item.appendChild(document.createElement("a"))
      link.href = data.url
      link.className = "md-search-result__link"
      link.tabIndex = -1
      var article = link.appendChild(document.createElement("article"))
      article.className = "md-search-result__article md-typeset"
      article.appendChild(document.createElement("h1")).textContent = data.meta.title || ""
      var about = article.appendChild(document.createElement("p"))
      about.className = "column-search__meta"
      about.textContent = [data.meta.date, data.meta.unit].filter(Boolean).join(" · ")
      var excerpt = article.appendChild(document.createElement("p"))
      excerpt.className = "column-search__excerpt"
      excerpt.innerHTML = data.excerpt  // Pagefind escapes the page's text and adds only <mark>
      return item
    }))
  }
  function run() {
    var query = input.value.normalize("NFC")
    if (query !== input.value) input.value = query
    if (!query.trim()) { list.replaceChildren(); meta.textContent = "Nhập từ khóa để tìm bài viết"; return }
    load().then(function (pagefind) { return pagefind.debouncedSearch(query, {}, 100) }).then(function (search) {
      if (search === null || input.value.normalize("NFC") !== query) return null
      return Promise.all(search.results.slice(0, 10).map(function (result) { return result.data() }))
    }).then(function (results) { if (results) show(results) }, function (error) {
      meta.textContent = "Không tải được chỉ mục tìm kiếm"
      console.warn("Pagefind:", error)
    })
  }
  input.addEventListener("focus", load)
  input.addEventListener("input", run)
  form.addEventListener("submit", function (event) { event.preventDefault() })
  form.addEventListener("reset", function () { setTimeout(run, 0) })
  // The 404 page's search box sends the reader to the home page with ?q=: open the search there.
  var given = new URLSearchParams(location.search).get("q")
  if (given) {
    var toggle = document.getElementById("__search")
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
