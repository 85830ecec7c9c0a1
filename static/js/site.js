/*
 * Sacramento Together: the few behaviors the site needs, with no library.
 * Everything here is an enhancement; each control works as a plain link or
 * is hidden when JavaScript does not run.
 */
(function () {
  "use strict";

  /* Quick exit: leave at once, replacing this page in the history so the
     Back button does not return to it. Works by click, and by pressing
     Shift on its own three times within two seconds, anywhere on the page,
     text fields included. As with GOV.UK's "Exit this page", a press counts
     only when Shift goes down and comes up with nothing else in between:
     Shift used to type a capital or a symbol, Shift+Tab, Shift+click or
     Alt+Shift never counts, and any other key starts the count again. */
  var SHIFT_WINDOW_MS = 2000;
  // A key is taken as still held if it went down (or repeated) this recently
  // and has not come up: a key-up the page never saw must not block the exit.
  var HELD_KEY_MS = 2000;

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

    var presses = []; // times of the lone Shift presses counted so far
    var shiftDown = false; // Shift went down and has not come up
    var shiftAlone = false; // and nothing else has happened since
    var heldKeys = {}; // other keys down now: key code -> time last seen going down

    function startAgain() {
      presses = [];
      if (status && status.textContent === oneMoreMessage) status.textContent = "";
    }

    function otherModifier(event) {
      return event.altKey || event.ctrlKey || event.metaKey;
    }

    function otherKeyHeld(now) {
      return Object.keys(heldKeys).some(function (code) {
        return now - heldKeys[code] < HELD_KEY_MS;
      });
    }

    function interrupt() {
      shiftAlone = false;
    }

    function forgetKeys() {
      heldKeys = {};
      shiftDown = false;
      shiftAlone = false;
    }

    function countPress() {
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < SHIFT_WINDOW_MS; });
      presses.push(now);
      if (presses.length === 2 && status) {
        status.textContent = oneMoreMessage;
      }
      if (presses.length >= 3) {
        presses = [];
        leave();
      }
    }

    // On the window, capturing: seen before any handler on the page can stop it.
    window.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        if (event.repeat) return;
        shiftDown = true;
        shiftAlone = !otherModifier(event) && !event.isComposing && !otherKeyHeld(Date.now());
        return;
      }
      heldKeys[event.code || event.key] = Date.now();
      interrupt();
      startAgain();
    }, true);

    window.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") {
        delete heldKeys[event.code || event.key];
        // macOS sends no key-up for keys let go while Command is down.
        if (event.key === "Meta") heldKeys = {};
        interrupt();
        return;
      }
      var alone = shiftDown && shiftAlone && !otherModifier(event) && !event.isComposing;
      shiftDown = false;
      shiftAlone = false;
      if (alone) {
        countPress();
      } else {
        startAgain();
      }
    }, true);

    // Shift held while clicking, touching or scrolling is not a press on its own.
    ["mousedown", "pointerdown", "touchstart", "wheel"].forEach(function (type) {
      window.addEventListener(type, interrupt, { capture: true, passive: true });
    });
    // Keys let go while the page had no focus (another window, the video player)
    // never reach it.
    window.addEventListener("blur", forgetKeys);
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

  /* Header disclosures (Menu, Search): they work as plain <details>; here
     opening one closes the other, as their panels share the same place, and
     Escape closes the open one and puts focus back on its control. */
  function setUpHeaderPanels() {
    var panels = Array.prototype.slice.call(
      document.querySelectorAll(".site-header details")
    );
    panels.forEach(function (panel) {
      panel.addEventListener("toggle", function () {
        if (!panel.open) return;
        panels.forEach(function (other) {
          if (other !== panel) other.open = false;
        });
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      panels.forEach(function (panel) {
        var summary = panel.querySelector("summary");
        // A menu that is always shown (wide screens) has a hidden summary: leave it.
        if (!panel.open || !summary || summary.offsetParent === null) return;
        panel.open = false;
        summary.focus();
      });
    });
  }

  /* A form shown again with errors: move focus to the list of what to fix. */
  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  }

  setUpQuickExit();
  setUpHeaderPanels();
  focusErrorSummary();
  setUpVideos();
  setUpPrintButtons();
})();
