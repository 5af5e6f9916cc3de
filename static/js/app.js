// taskvault dashboard: the little the server cannot do. Everything else is htmx attributes in the templates.
(function () {
  "use strict";

  // "select all" on the task list toggles the row boxes of the current page.
  document.addEventListener("change", function (event) {
    if (event.target.id === "select-all") {
      document.querySelectorAll(".row-select").forEach(function (box) { box.checked = event.target.checked; });
    }
  });

  // Output tabs: click or arrow keys switch the visible panel (WAI-ARIA tabs pattern).
  function selectTab(tab, focus) {
    var list = tab.closest("[role=tablist]");
    list.querySelectorAll("[role=tab]").forEach(function (other) {
      var selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      var panel = document.getElementById(other.getAttribute("aria-controls"));
      if (panel) { panel.hidden = !selected; }
    });
    if (focus !== false) { tab.focus(); }
  }
  document.addEventListener("click", function (event) {
    var tab = event.target.closest("[role=tab]");
    if (tab) { selectTab(tab); }
  });
  document.addEventListener("keydown", function (event) {
    var tab = event.target.closest && event.target.closest("[role=tab]");
    if (!tab || (event.key !== "ArrowRight" && event.key !== "ArrowLeft")) { return; }
    var tabs = Array.prototype.slice.call(tab.closest("[role=tablist]").querySelectorAll("[role=tab]"));
    var next = tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : -1);
    selectTab(tabs[(next + tabs.length) % tabs.length]);
  });

  // A live refresh re-renders the tabs: keep the one that was open.
  var openTab = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var open = document.querySelector("[role=tab][aria-selected=true]");
    openTab = open ? open.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    var tab = openTab && document.getElementById(openTab);
    if (tab && tab.getAttribute("aria-selected") !== "true") { selectTab(tab, false); }
  });
})();
