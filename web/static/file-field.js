// A file picker beside a text field (a textarea with data-file-label): the file chosen is read
// into the field, so that the form posts it as text and keeps it when the form comes back with
// errors. Used for the plan form's forecast CSV, the pay-band import and the model of a plan's
// simulation. A data-file-name-field names a hidden input that gets the file's name (for
// errors that say file:line:col). Without JavaScript the text can be pasted into the field.
(function () {
  "use strict";
  var area = document.querySelector("textarea[data-file-label]");
  if (!area || !window.FileReader) return;
  var label = document.createElement("label");
  var input = document.createElement("input");
  input.type = "file";
  input.accept = area.getAttribute("data-file-accept") || ".csv,text/csv,text/plain";
  input.id = area.id + "-file";
  label.htmlFor = input.id;
  label.textContent = area.getAttribute("data-file-label");
  var box = document.createElement("div");
  box.className = "file-pick";
  box.appendChild(label);
  box.appendChild(input);
  area.parentNode.insertBefore(box, area.nextSibling);
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      area.value = String(reader.result);
      var nameField = document.getElementById(area.getAttribute("data-file-name-field") || "");
      if (nameField) nameField.value = file.name;
      // The plan form: a chosen forecast file makes the CSV the forecast's source.
      var source = document.querySelector("select[name='/forecast/source']");
      if (source) source.value = "csv";
    };
    reader.readAsText(file);
  });
})();
