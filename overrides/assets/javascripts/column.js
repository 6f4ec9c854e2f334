// Some phone keyboards and editors produce decomposed Vietnamese (NFD); the search index is
// composed (NFC). Normalise the query before Material's own input listener reads it.
document.addEventListener("input", function (event) {
  var input = event.target
  if (input && input.matches && input.matches("input.md-search__input")) {
    var composed = input.value.normalize("NFC")
    if (composed !== input.value) input.value = composed
  }
}, true)

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
