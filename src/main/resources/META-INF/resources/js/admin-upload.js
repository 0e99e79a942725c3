// Sends the chosen file as the request body (streamed to disk by the server, never held in memory)
// and shows how much has been sent; then opens the upload's page, which shows staging live. Shows only
// the fields the chosen format uses (without JavaScript they all show, each label saying when it applies).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var format = document.getElementById('format');
  var target = document.getElementById('target');
  var targetField = document.getElementById('target-field');
  var typeField = document.getElementById('type-field');

  // sha1 and sha1-count lists hold passwords or accounts; identifiers are accounts of one type; the other
  // formats are of one kind only (accounts-csv recognises its columns, ntlm and passwords are passwords).
  function holdsHashes() {
    return format.value === 'sha1' || format.value === 'sha1-count';
  }
  function needsType() {
    return format.value === 'identifiers' || (holdsHashes() && target.value === 'accounts');
  }
  function showFieldsOfFormat() {
    targetField.hidden = !holdsHashes();
    typeField.hidden = !needsType();
  }
  format.addEventListener('change', showFieldsOfFormat);
  target.addEventListener('change', showFieldsOfFormat);
  showFieldsOfFormat();

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('file').files[0];
    if (!file) {
      return;
    }
    var query = new URLSearchParams({ format: format.value });
    if (holdsHashes()) {
      query.set('target', target.value);
    }
    if (needsType()) {
      query.set('type', document.getElementById('type').value);
    }
    var progress = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    var request = new XMLHttpRequest();
    request.open('POST', form.dataset.action + '?' + query.toString());
    request.setRequestHeader('X-CSRF-Token', form.dataset.csrf);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    progress.hidden = false;
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
        status.textContent = form.dataset.progress.replace('#', progress.value);
      }
    });
    request.addEventListener('load', function () {
      if (request.status === 202) {
        window.location.href = '/admin/uploads/' + JSON.parse(request.responseText).id;
      } else {
        // A refusal of the upload says why in a line of text; anything else (an error page) is not shown raw
        var said = (request.getResponseHeader('Content-Type') || '').indexOf('text/plain') === 0 && request.responseText;
        status.textContent = said || form.dataset.refused.replace('#', request.status);
      }
    });
    request.addEventListener('error', function () {
      status.textContent = form.dataset.interrupted;
    });
    request.send(file);
  });
});
