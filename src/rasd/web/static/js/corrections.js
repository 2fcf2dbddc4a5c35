/* Corrections form on the article page: posts a correction to the API with the write token.
   No inline scripts (CSP); the only request goes to this server's /api/corrections. */
(function () {
  "use strict";
  var form = document.getElementById("correct-form");
  if (!form) return;

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = form.elements;
    var parts = f.target.value.split(":");
    var body = {
      action: f.action.value,
      creator: f.creator.value || "anonymous",
      doc_id: form.dataset.doc,
      layer: parts[0],
      start: parseInt(parts[1], 10),
      end: parseInt(parts[2], 10)
    };
    if (f.label.value) body.label = f.label.value;
    if (f.speaker.value) body.speaker = f.speaker.value;
    f.status.value = "…";
    fetch("/api/corrections", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + f.token.value },
      body: JSON.stringify(body)
    }).then(function (r) {
      if (r.ok) { window.location.reload(); return; }
      return r.json().then(function (j) {
        f.status.value = r.status === 403 ? "الخادم للقراءة فقط (شغّله مع --token)"
          : r.status === 401 ? "رمز الكتابة غير صحيح" : String(j.detail || r.status);
      });
    }).catch(function () { f.status.value = "تعذر الاتصال بالخادم"; });
  });
})();
