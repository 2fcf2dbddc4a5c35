/* rasd web UI: small progressive enhancements (the pages work without JavaScript).
   No inline scripts anywhere (the Content-Security-Policy forbids them); no network calls. */
(function () {
  "use strict";

  var text = document.getElementById("article-text");

  // Layer toggles in the article legend.
  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (text) text.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });

  function flash(el) {
    if (!el) return;
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  }

  function byRef(ref) {
    return document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]');
  }

  function pair(ref, on) {
    byRef(ref).forEach(function (el) { el.classList.toggle("paired", on); });
  }

  if (text) {
    text.addEventListener("click", function (ev) {
      var el = ev.target.closest(".q-content, .q-speaker, .q-cue, .ev");
      if (!el || ev.target.closest("a")) return;
      var row = document.getElementById("row-" + el.dataset.ref);
      if (row) {
        row.scrollIntoView({ behavior: "smooth", block: "center" });
        flash(row);
      }
    });
    text.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target.matches(".q-content, .q-speaker, .q-cue, .ev")) ev.target.click();
    });
    ["mouseover", "mouseout"].forEach(function (type) {
      text.addEventListener(type, function (ev) {
        var el = ev.target.closest(".q-content, .q-speaker, .q-cue");
        if (el) pair(el.dataset.ref, type === "mouseover");
      });
    });
  }

  // "where" links in the sourcing/event tables jump to the evidence in the text.
  document.querySelectorAll("[data-jump]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      var target = document.querySelector('#article-text [data-ref="' + CSS.escape(a.dataset.jump) + '"]');
      if (!target) return;
      ev.preventDefault();
      target.scrollIntoView({ behavior: "smooth", block: "center" });
      byRef(a.dataset.jump).forEach(flash);
    });
  });
  document.querySelectorAll("tr[data-ref]").forEach(function (row) {
    row.addEventListener("mouseenter", function () { pair(row.dataset.ref, true); });
    row.addEventListener("mouseleave", function () { pair(row.dataset.ref, false); });
  });
})();
