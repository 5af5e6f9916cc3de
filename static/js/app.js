// taskvault dashboard: the little the server cannot do. Everything else is htmx attributes in the templates.
// No inline handlers anywhere (Content-Security-Policy: script-src 'self'): behaviour hangs off data-* attributes.
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector("meta[name='" + name + "']");
    var value = el && el.getAttribute("content");
    return value ? value : null;
  }

  // CSRF: once Spring Security is on, the layout's metas carry the token and every htmx request sends it.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("_csrf"), header = meta("_csrf_header");
    if (token && header) { event.detail.headers[header] = token; }
  });

  // data-dismiss=".selector": remove the closest matching ancestor (a flash message, a confirmation).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-dismiss]");
    if (!button) { return; }
    var box = button.closest(button.getAttribute("data-dismiss"));
    if (box) { box.remove(); }
  });

  // After a successful htmx request: data-reset-on-success resets the form, data-clear-on-success="#id" clears one field.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form");
    if (!form || !event.detail.successful) { return; }
    if (form.hasAttribute("data-reset-on-success")) { form.reset(); }
    var clear = form.getAttribute("data-clear-on-success");
    var field = clear && document.querySelector(clear);
    if (field) { field.value = ""; }
  });


  // details[data-fold-when-narrow] (the task filters) start folded on a narrow screen and always open on a wide one,
  // where CSS hides their toggle.
  var narrow = window.matchMedia("(max-width: 820px)");
  function foldWhenNarrow() {
    document.querySelectorAll("details[data-fold-when-narrow]").forEach(function (box) { box.open = !narrow.matches; });
  }
  foldWhenNarrow();
  narrow.addEventListener("change", foldWhenNarrow);

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
