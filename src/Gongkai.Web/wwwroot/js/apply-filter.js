// Filters the /apply agency list as the name is typed. Progressive enhancement: without this script the search form
// is an ordinary GET that the server answers with the filtered list.
(function () {
  "use strict";
  var input = document.querySelector("input[data-filter-list]");
  if (!input) { return; }
  var list = document.getElementById(input.getAttribute("data-filter-list"));
  var status = document.getElementById(input.getAttribute("data-filter-status"));
  if (!list) { return; }
  var timer = 0;
  function apply() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    list.querySelectorAll("[data-filter-group]").forEach(function (group) {
      var visible = 0;
      group.querySelectorAll("[data-filter-name]").forEach(function (item) {
        var match = q === "" || item.getAttribute("data-filter-name").toLowerCase().indexOf(q) >= 0;
        item.hidden = !match;
        if (match) { visible++; }
      });
      group.hidden = visible === 0;
      shown += visible;
    });
    if (status) {
      status.textContent = q === "" ? "共 " + shown + " 个单位。" : "名称含“" + input.value.trim() + "”的单位 " + shown + " 个。";
    }
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, 150);
  });
})();
