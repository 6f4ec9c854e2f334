// Some phone keyboards and editors produce decomposed Vietnamese (NFD); the search index is
// composed (NFC). Normalise the query before Material's own input listener reads it.
document.addEventListener("input", function (event) {
  var input = event.target
  if (input && input.matches && input.matches("input.md-search__input")) {
    var composed = input.value.normalize("NFC")
    if (composed !== input.value) input.value = composed
  }
}, true)
