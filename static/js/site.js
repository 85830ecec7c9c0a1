/*
 * Sacramento Together: the few behaviours the site needs, with no library.
 * Everything here is an enhancement; each control works as a plain link or
 * is hidden when JavaScript does not run.
 */
(function () {
  "use strict";

  /* Quick exit: leave at once, replacing this page in the history so the
     Back button does not return to it. Works by click, and by pressing
     Shift three times within two seconds anywhere on the page. */
  function setUpQuickExit() {
    var link = document.querySelector("[data-quick-exit]");
    if (!link) return;
    var status = document.querySelector("[data-quick-exit-status]");
    var target = link.getAttribute("href");
    // Messages come from the template, so they are translated with the page.
    var leavingMessage = link.getAttribute("data-leaving-message") || "";
    var oneMoreMessage = link.getAttribute("data-one-more-message") || "";

    function leave() {
      if (status) status.textContent = leavingMessage;
      document.documentElement.classList.add("is-leaving");
      document.title = "";
      window.location.replace(target);
    }

    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
      event.preventDefault();
      leave();
    });

    var presses = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift" || event.repeat) return;
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < 2000; });
      presses.push(now);
      if (presses.length === 2 && status) {
        status.textContent = oneMoreMessage;
      }
      if (presses.length >= 3) {
        presses = [];
        leave();
      }
    });
  }

  /* Video facade: nothing loads from YouTube until the visitor presses
     play; then the privacy-enhanced player replaces the poster. */
  function setUpVideos() {
    document.querySelectorAll("[data-video]").forEach(function (figure) {
      var play = figure.querySelector("[data-video-play]");
      if (!play) return;
      play.addEventListener("click", function (event) {
        event.preventDefault();
        var iframe = document.createElement("iframe");
        iframe.src = figure.getAttribute("data-embed-src");
        iframe.title = figure.getAttribute("data-video-title") || "Video";
        iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        iframe.setAttribute("allowfullscreen", "");
        var frame = figure.querySelector(".video__frame");
        frame.replaceChildren(iframe);
        iframe.focus();
      });
    });
  }

  /* Print buttons are hidden in the HTML and shown only where they work. */
  function setUpPrintButtons() {
    document.querySelectorAll("[data-print-button]").forEach(function (button) {
      var wrapper = button.closest("[data-print-button-wrapper]");
      if (wrapper) wrapper.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* A form shown again with errors: move focus to the list of what to fix. */
  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  setUpQuickExit();
  focusErrorSummary();
  setUpVideos();
  setUpPrintButtons();
})();
