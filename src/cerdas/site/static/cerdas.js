// Static widget views (cerdas.site.render): a <select> or range input shows one of the views drawn
// ahead of time; a hidden view's images carry data-src and load when the view is first shown.
//
// Alt text for plots drawn inside live widgets (ipywidgets Output, on a page that still loads the
// widget manager), which the widget renderer shows without any. The build records each plot's description in the output metadata
// (image/png -> alt, see cerdas.site.alt); the same image data is in the page's widget state,
// so the description is found by the image data itself. Plots without one get a plain
// Indonesian description.
(function () {
  "use strict";
  // Opened from disk (file://, the offline bundle), the browser forbids the search page to fetch
  // result pages for their summaries: show titles only instead of logging errors.
  // (DOCUMENTATION_OPTIONS is a global const, not a window property.)
  if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  }
  var FALLBACK = "Grafik yang berubah mengikuti pilihan pada kontrol di dekatnya";
  var byData = null;

  function descriptions() {
    if (byData) return byData;
    byData = {};
    document.querySelectorAll('script[type="application/vnd.jupyter.widget-state+json"]').forEach(function (s) {
      var state;
      try { state = JSON.parse(s.textContent).state || {}; } catch (e) { return; }
      Object.keys(state).forEach(function (id) {
        var outputs = ((state[id] || {}).state || {}).outputs || [];
        outputs.forEach(function (out) {
          var png = out.data && out.data["image/png"];
          var alt = out.metadata && out.metadata["image/png"] && out.metadata["image/png"].alt;
          if (png && alt) byData[String(png).replace(/\s/g, "").slice(0, 200)] = alt;
        });
      });
    });
    return byData;
  }

  function label(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("img:not([alt])").forEach(function (img) {
      var src = img.getAttribute("src") || "";
      var key = src.indexOf("base64,") >= 0 ? src.split("base64,")[1].slice(0, 200) : "";
      img.setAttribute("alt", descriptions()[key] || FALLBACK);
    });
  }

  // ipywidgets sliders: the handle (role=slider) gets the name of the widget's own label.
  function nameSliders(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('[role="slider"]:not([aria-label])').forEach(function (h) {
      var box = h.closest(".widget-slider, .jupyter-widgets");
      var text = box && box.querySelector(".widget-label");
      var name = text && text.textContent.trim();
      h.setAttribute("aria-label", name || "Penggeser nilai");
    });
  }

  function show(control) {
    var box = control.closest(".cerdas-views");
    var index = String(control.value);
    box.querySelectorAll("[data-cerdas-view]").forEach(function (view) {
      var chosen = view.getAttribute("data-cerdas-view") === index;
      view.hidden = !chosen;
      if (chosen) view.querySelectorAll("img[data-src]").forEach(function (img) {
        img.setAttribute("src", img.getAttribute("data-src"));
        img.removeAttribute("data-src");
      });
    });
    var labels = control.getAttribute("data-cerdas-labels");
    if (labels) {
      var text = JSON.parse(labels)[Number(index)];
      control.setAttribute("aria-valuetext", text);
      var out = box.querySelector("output.cerdas-views-value");
      if (out) out.textContent = text;
    }
  }

  function staticViews() {
    document.querySelectorAll("[data-cerdas-views-control]").forEach(function (control) {
      control.addEventListener("input", function () { show(control); });
      control.addEventListener("change", function () { show(control); });
      show(control);  // a form restored by the browser's back button keeps its choice
    });
  }

  function start() {
    staticViews();
    if (!document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]')) return;
    label(document);
    nameSliders(document);
    new MutationObserver(function (records) {
      records.forEach(function (r) { r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1) { label(n.parentNode || n); nameSliders(n.parentNode || n); }
      }); });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
